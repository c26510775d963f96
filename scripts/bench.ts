// `pnpm bench [--json] [--sizes 1,20,200]`: measures Meshlens' ingest against the physical limit.
//
// For each target size it generates a demo sidecar dump (pretty-printed, as Envoy's admin serves it),
// then measures on the same bytes, in this process: `JSON.parse` alone vs `parseConfigDump` (parse +
// normalise + index). Peak memory is measured in a fresh child process per size (max RSS above the
// child's baseline, over the file size), so earlier sizes cannot inflate later ones.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseConfigDump } from '@meshlens/configdump';
import type { ConfigDump } from '@meshlens/configdump';
import { generateDemoMesh, generateSidecarDump } from '@meshlens/demo-mesh';
import type { DemoMesh } from '@meshlens/demo-mesh';
import { parseConfigz, parseRegistryz } from '../packages/istiod/src/index';
import {
  buildConfigTopology,
  buildKialiGraph,
  parseGraphRequest,
  readIstioConfig,
  type PromQueryFn,
  type PromSample,
} from '../packages/topology/src/index';
import { buildProxyGraph } from '@meshlens/proxy-graph';
import { parseRequestLine, traceDump } from '@meshlens/tracer';
import { endpointRows } from '../apps/web/src/tables/endpointRows';
import { filterRows, rowSearchText } from '../apps/web/src/tables/filterRows';
import { demoConfigz, demoRegistryz } from '../apps/server/src/sources/demo/istiodDebugData';
import { buildTrafficModel } from '../apps/server/src/sources/demo/trafficModel';

interface SizeResult {
  targetMB: number;
  services: number;
  dumpBytes: number;
  jsonParseMs: number;
  ingestMs: number;
  ingestRatio: number;
  /** The same ratio in process CPU time (includes the collector's helper threads). */
  ingestRatioCpu: number;
  /**
   * Fastest ingest over fastest `JSON.parse`: the cost without preemption, for a shared machine
   * (a preemption adds whole milliseconds, more often to the longer of two millisecond runs).
   */
  ingestRatioMin: number;
  peakMemoryRatio: number;
  clusters: number;
  listeners: number;
  routeConfigs: number;
  endpoints: number;
  /** First trace of the dump: builds the tracer's per-dump index. */
  traceIndexMs: number;
  traceP50Ms: number;
  traceP99Ms: number;
  /** p99 of the process CPU time per trace: the same traces without time spent waiting for a core. */
  traceP99CpuMs: number;
  /** First `buildProxyGraph` (graph skeleton from the model + fold decision + fold), wall and CPU. */
  graphBuildMs: number;
  graphBuildCpuMs: number;
  /** A second build on the cached skeleton (what a view change costs). */
  graphRebuildMs: number;
  graphNodes: number;
  graphFullNodes: number;
  tableFilterMs: number;
  tableRows: number;
  /** 1-minute load average when the size finished: the machine may be shared. */
  loadAverage: number;
}

/** Process CPU time (user + system) in ms. */
function cpuMs(): number {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;
}

/** A tiny deterministic PRNG (mulberry32), so every run traces the same requests. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Trace latency over 1,000 random requests: a random virtual host of a random outbound route
 * config, one of its domains as the authority, a random path, sometimes the `end-user` header.
 */
function traceLatencies(dump: ConfigDump): { indexMs: number; wall: number[]; cpu: number[] } {
  const rand = prng(7);
  const pick = <T>(xs: readonly T[]): T | undefined => xs[Math.floor(rand() * xs.length)];
  const configs = dump.routeConfigs.filter((rc) => /^\d+$/.test(rc.name));
  // Requests are built before timing, so building them cannot trigger collections mid-trace.
  const inputs = [];
  for (let i = 0; i < 1000; i++) {
    const rc = pick(configs);
    const vh = rc && pick(rc.virtualHosts.filter((v) => v.domains.length > 0));
    const domain = vh && pick(vh.domains.filter((d) => !d.includes('*')));
    const host = domain?.includes(':') ? domain : `${domain ?? 'unknown'}:${rc?.name ?? '80'}`;
    const line = `GET http://${host}/path/${i}`;
    const built = parseRequestLine(line, {
      headers: rand() < 0.3 ? ['end-user: jason'] : [],
      random: Math.floor(rand() * 10000),
    });
    if (!built.ok) throw new Error(`bench request ${line}: ${built.error.message}`);
    inputs.push(built.input);
  }
  // The first trace of a dump builds the tracer's per-dump index; it is reported on its own.
  const first = inputs[0];
  const indexMs = first ? time(() => traceDump(dump, first)) : NaN;
  const wall: number[] = [];
  const cpu: number[] = [];
  for (const input of inputs) {
    const c = cpuMs();
    const t = performance.now();
    traceDump(dump, input);
    wall.push(performance.now() - t);
    cpu.push(cpuMs() - c);
  }
  return { indexMs, wall: wall.sort((a, b) => a - b), cpu: cpu.sort((a, b) => a - b) };
}

/**
 * Filter latency of the web app's endpoints table (its largest): the web code's own row builder and
 * filter, one keystroke's work (search texts are built once per table, as the page does).
 */
function tableFilterMs(dump: ConfigDump): { ms: number; rows: number } {
  const rows = endpointRows(dump);
  const keys = Object.keys(rows[0] ?? {}) as (keyof (typeof rows)[number])[];
  const texts = rows.map((r) => rowSearchText(r, keys));
  const ms = median(
    [0, 1, 2, 3, 4].map(() => time(() => filterRows(rows, texts, 'svc-01 healthy'))),
  );
  return { ms, rows: rows.length };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

function time(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

/** The demo productpage sidecar dump of a mesh with `services` services, as pretty JSON text. */
function dumpText(services: number): string {
  const mesh = generateDemoMesh({ services });
  const pod = mesh.proxies.find((p) => p.app === 'productpage');
  if (!pod) throw new Error('demo mesh has no productpage proxy');
  return JSON.stringify(generateSidecarDump(mesh, pod.podName), null, 2);
}

function parseConfigDumpOk(text: string): ConfigDump {
  const res = parseConfigDump(text);
  if (!res.ok) throw new Error(`bench dump did not parse: ${res.error.message}`);
  return res.dump;
}

/**
 * Finds a service count whose dump is about `targetBytes`, and that dump's text. The size is
 * about linear in the services plus a fixed part (Bookinfo, istio-system, bootstrap), so two
 * probes fix the line; services differ in shape (ports, versions, pods), so a few secant steps
 * then correct the guess (one probe alone under-shot 200 MB by 5%; the line alone gave 0.7 MB
 * for 1 MB). Large dumps take seconds each, so they get at most one correction.
 */
function dumpNear(targetBytes: number): { services: number; text: string } {
  const [a, b] = [100, 400];
  let [x0, y0] = [a, dumpText(a).length];
  let [x1, y1] = [b, dumpText(b).length];
  const line = (x: number, y: number, xo: number, yo: number): number => {
    const slope = (yo - y) / (xo - x);
    return Math.max(4, Math.round(x + (targetBytes - y) / (slope > 0 ? slope : 1)));
  };
  let services = line(x0, y0, x1, y1);
  let text = dumpText(services);
  const steps = targetBytes > 50e6 ? 1 : 4;
  for (let i = 0; i < steps && Math.abs(text.length - targetBytes) > 0.03 * targetBytes; i++) {
    [x0, y0, x1, y1] = [x1, y1, services, text.length];
    const next = line(x0, y0, x1, y1);
    if (next === services) break;
    services = next;
    text = dumpText(services);
  }
  return { services, text };
}

/** Child mode: parse one file and print the peak RSS growth (bytes) as JSON. */
function childMeasure(file: string): void {
  const base = process.memoryUsage().rss;
  const text = readFileSync(file, 'utf8');
  const res = parseConfigDump(text);
  if (!res.ok) throw new Error(res.error.message);
  // maxRSS is in KiB and covers the whole life of the process.
  const peak = process.resourceUsage().maxRSS * 1024;
  console.log(JSON.stringify({ peakBytes: peak - base, clusters: res.dump.clusters.length }));
}

function measure(targetMB: number, dir: string): SizeResult {
  const { services, text } = dumpNear(targetMB * 1e6);
  // Small dumps parse in milliseconds, where one preemption skews a median of five: run more.
  const runs = targetMB >= 100 ? 3 : targetMB >= 10 ? 7 : 61;
  const parseTimes: number[] = [];
  const ingestTimes: number[] = [];
  const parseCpu: number[] = [];
  const ingestCpu: number[] = [];
  let last: ReturnType<typeof parseConfigDump> | undefined;
  for (let i = 0; i < runs; i++) {
    let c = cpuMs();
    parseTimes.push(time(() => JSON.parse(text)));
    parseCpu.push(cpuMs() - c);
    c = cpuMs();
    ingestTimes.push(
      time(() => {
        last = parseConfigDump(text);
      }),
    );
    ingestCpu.push(cpuMs() - c);
  }
  if (!last?.ok) throw new Error(`bench dump did not parse: ${last?.error.message}`);
  const { dump } = last;

  const file = join(dir, `bench-${targetMB}mb.json`);
  writeFileSync(file, text);
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), '--child', file],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  if (child.status !== 0) throw new Error(`memory child failed: ${child.stderr}`);
  const { peakBytes } = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as {
    peakBytes: number;
  };

  const traces = traceLatencies(dump);
  let graph = buildProxyGraph(parseConfigDumpOk(dumpText(4)));
  const graphCpu = cpuMs();
  const graphBuildMs = time(() => {
    graph = buildProxyGraph(dump);
  });
  const graphBuildCpuMs = cpuMs() - graphCpu;
  const graphRebuildMs = time(() => buildProxyGraph(dump, { direction: 'outbound' }));

  const filter = tableFilterMs(dump);
  const jsonParseMs = median(parseTimes);
  const ingestMs = median(ingestTimes);
  return {
    targetMB,
    services,
    dumpBytes: text.length,
    jsonParseMs: round(jsonParseMs),
    ingestMs: round(ingestMs),
    ingestRatio: round(ingestMs / jsonParseMs),
    ingestRatioCpu: round(median(ingestCpu) / median(parseCpu)),
    ingestRatioMin: round(Math.min(...ingestTimes) / Math.min(...parseTimes)),
    peakMemoryRatio: round(peakBytes / text.length),
    clusters: dump.clusters.length,
    listeners: dump.listeners.length,
    routeConfigs: dump.routeConfigs.length,
    endpoints: dump.endpoints.reduce((n, e) => n + e.endpoints.length, 0),
    traceIndexMs: round(traces.indexMs),
    traceP50Ms: round(percentile(traces.wall, 50)),
    traceP99Ms: round(percentile(traces.wall, 99)),
    traceP99CpuMs: round(percentile(traces.cpu, 99)),
    graphBuildMs: round(graphBuildMs),
    graphBuildCpuMs: round(graphBuildCpuMs),
    graphRebuildMs: round(graphRebuildMs),
    graphNodes: graph.nodes.length,
    graphFullNodes: graph.fullNodeCount,
    tableFilterMs: round(filter.ms),
    tableRows: filter.rows,
    loadAverage: round(loadavg()[0] ?? NaN),
  };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

interface TopologyResult {
  topologyServices: number;
  topologyWorkloads: number;
  /** Kiali traffic graph (versioned app graph, one namespace) from synthetic Prometheus vectors. */
  topologyBuildMs: number;
  topologyBuildCpuMs: number;
  topologyNodes: number;
  topologyEdges: number;
  topologySamples: number;
  /** `buildConfigTopology` from the demo mesh's istiod registry + config + proxy list (no dumps). */
  configTopologyBuildMs: number;
  configTopologyNodes: number;
  configTopologyEdges: number;
  loadAverage: number;
}

/**
 * The demo traffic model of `mesh` as the instant vectors Prometheus would answer Kiali's
 * `istio_requests_total` / `istio_tcp_*` rate queries with (one sample per edge, response code
 * and reporter), deterministic because the model is.
 */
function syntheticPrometheus(mesh: DemoMesh): { query: PromQueryFn; samples: number } {
  const http: PromSample[] = [];
  const tcp: PromSample[] = [];
  for (const edge of buildTrafficModel(mesh)) {
    const { source: s, destination: d } = edge;
    const labels = {
      source_cluster: mesh.clusterId,
      source_workload_namespace: s.namespace,
      source_workload: s.workload,
      source_canonical_service: s.app,
      source_canonical_revision: s.version || 'latest',
      destination_cluster: mesh.clusterId,
      destination_service_namespace: edge.service.namespace,
      destination_service: edge.service.hostname,
      destination_service_name: edge.service.name,
      destination_workload_namespace: d.namespace,
      destination_workload: d.workload,
      destination_canonical_service: d.app,
      destination_canonical_revision: d.version || 'latest',
    };
    if (edge.protocol === 'tcp') {
      tcp.push({ metric: labels, value: edge.requestBytesPerSecond });
      continue;
    }
    for (const r of edge.responses)
      http.push({
        metric: {
          ...labels,
          request_protocol: 'http',
          response_code: r.code,
          grpc_response_status: '',
          response_flags: r.flags,
        },
        value: edge.rate * r.share,
      });
  }
  // Like Prometheus, answer only the series the query's label matchers select (Kiali queries one
  // namespace at a time); a label the synthetic series lack (`reporter`) matches anything.
  const query: PromQueryFn = (q: string) => {
    const all = q.includes('istio_requests_total') ? http : q.includes('istio_tcp') ? tcp : [];
    const sel = /\{([^}]*)\}/.exec(q)?.[1] ?? '';
    const tests = [...sel.matchAll(/(\w+)\s*(=~|!~|!=|=)\s*"([^"]*)"/g)].map(([, label, op, v]) => {
      const re = op === '=~' || op === '!~' ? new RegExp(`^(?:${v ?? ''})$`) : undefined;
      return (m: Record<string, string>): boolean => {
        const have = m[label ?? ''];
        if (have === undefined) return true;
        if (op === '=') return have === v;
        if (op === '!=') return have !== v;
        return (re?.test(have) ?? true) === (op === '=~');
      };
    });
    return Promise.resolve({
      ok: true,
      vector: all.filter((sample) => tests.every((t) => t(sample.metric))),
    });
  };
  return { query, samples: http.length + tcp.length };
}

/** Topology build time of the 1,000-service / 3,000-workload demo mesh. */
async function measureTopology(services: number): Promise<TopologyResult> {
  const mesh = generateDemoMesh({ services, versions: 3 });
  const workloads = new Set(
    mesh.services.flatMap((s) =>
      s.pods.map((p) => `${p.namespace}/${s.name}/${p.labels.version ?? ''}`),
    ),
  ).size;
  const prom = syntheticPrometheus(mesh);
  const namespaces = [...new Set(mesh.services.map((s) => s.namespace))].join(',');
  const req = parseGraphRequest(
    '/api/namespaces/graph',
    new URLSearchParams({ namespaces, graphType: 'versionedApp', boxBy: 'namespace' }),
    Math.floor(Date.parse(mesh.now) / 1000),
  );
  if (!req.ok) throw new Error(req.error.message);
  const runs: number[] = [];
  const cpuRuns: number[] = [];
  let graph: Awaited<ReturnType<typeof buildKialiGraph>> | undefined;
  for (let i = 0; i < 3; i++) {
    const c = cpuMs();
    const t = performance.now();
    graph = await buildKialiGraph(req.options, { query: prom.query });
    runs.push(performance.now() - t);
    cpuRuns.push(cpuMs() - c);
  }
  if (!graph?.ok) throw new Error(`topology: ${graph?.message ?? 'no graph'}`);
  const registry = parseRegistryz(demoRegistryz(mesh));
  const configz = parseConfigz(demoConfigz(mesh));
  if (!registry.ok || !configz.ok) throw new Error('demo registry/config did not parse');
  const config = readIstioConfig(configz.value);
  const configRuns: number[] = [];
  // What `/api/topology/config` builds above its dump limit: registry + config + the proxy list.
  const listed = mesh.proxies.map((p) => ({
    name: p.podName,
    namespace: p.namespace,
    type: p.proxyType,
  }));
  const input = { registry: registry.value, config, listed };
  let cfg = buildConfigTopology(input);
  for (let i = 0; i < 3; i++) configRuns.push(time(() => (cfg = buildConfigTopology(input))));
  return {
    topologyServices: mesh.services.length,
    topologyWorkloads: workloads,
    topologyBuildMs: round(median(runs)),
    topologyBuildCpuMs: round(median(cpuRuns)),
    topologyNodes: graph.graph.elements.nodes.length,
    topologyEdges: graph.graph.elements.edges.length,
    topologySamples: prom.samples,
    configTopologyBuildMs: round(median(configRuns)),
    configTopologyNodes: cfg.nodes.length,
    configTopologyEdges: cfg.edges.length,
    loadAverage: round(loadavg()[0] ?? NaN),
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child' && args[1]) return childMeasure(args[1]);
  const json = args.includes('--json');
  const sizesArg = args[args.indexOf('--sizes') + 1];
  const sizes =
    args.includes('--sizes') && sizesArg
      ? sizesArg.split(',').filter(Boolean).map(Number)
      : [1, 20, 200];
  const topoArg = args[args.indexOf('--topology-services') + 1];
  const topologyServices = args.includes('--topology-services') ? Number(topoArg) : 1000;
  const dir = mkdtempSync(join(tmpdir(), 'meshlens-bench-'));
  // Warm the JIT on a small dump so the first size does not pay for compilation.
  const warm = dumpText(20);
  for (let i = 0; i < 20; i++) parseConfigDump(warm);
  try {
    const results = sizes.map((mb) => {
      const r = measure(mb, dir);
      if (json) console.log(JSON.stringify(r));
      return r;
    });
    const topology = await measureTopology(topologyServices);
    if (json) console.log(JSON.stringify(topology));
    else {
      console.table(results);
      console.table([topology]);
      console.log(
        'ingestRatio = parseConfigDump ms / JSON.parse ms on the same text (target <= 2.0); ' +
          'peakMemoryRatio = peak RSS growth / file size (target <= 4); traceP99Ms target <= 5 on ' +
          '~200 MB (traceP99CpuMs: the same without waiting for a core); topologyBuildMs target <= 1,000.',
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
