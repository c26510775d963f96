// `pnpm bench [--json] [--sizes 1,20,200]`: measures Meshlens' ingest against the physical limit.
//
// For each target size it generates a demo sidecar dump (pretty-printed, as Envoy's admin serves it),
// then measures on the same bytes, in this process: `JSON.parse` alone vs `parseConfigDump` (parse +
// normalise + index). Peak memory is measured in a fresh child process per size (max RSS above the
// child's baseline, over the file size), so earlier sizes cannot inflate later ones.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseConfigDump } from '@meshlens/configdump';
import type { ConfigDump } from '@meshlens/configdump';
import { generateDemoMesh, generateSidecarDump } from '@meshlens/demo-mesh';
import { buildProxyGraph } from '@meshlens/proxy-graph';
import { parseRequestLine, traceDump } from '@meshlens/tracer';
import { endpointRows } from '../apps/web/src/tables/endpointRows';
import { filterRows, rowSearchText } from '../apps/web/src/tables/filterRows';

interface SizeResult {
  targetMB: number;
  services: number;
  dumpBytes: number;
  jsonParseMs: number;
  ingestMs: number;
  ingestRatio: number;
  peakMemoryRatio: number;
  clusters: number;
  listeners: number;
  routeConfigs: number;
  endpoints: number;
  traceP50Ms: number;
  traceP99Ms: number;
  graphBuildMs: number;
  graphNodes: number;
  tableFilterMs: number;
  tableRows: number;
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
function traceLatencies(dump: ConfigDump): number[] {
  const rand = prng(7);
  const pick = <T>(xs: readonly T[]): T | undefined => xs[Math.floor(rand() * xs.length)];
  const configs = dump.routeConfigs.filter((rc) => /^\d+$/.test(rc.name));
  const times: number[] = [];
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
    const t = performance.now();
    traceDump(dump, built.input);
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b);
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

/** Finds a service count whose dump is about `targetBytes` (dump size grows linearly with services). */
function servicesFor(targetBytes: number): number {
  const probe = 100;
  const perService = dumpText(probe).length / probe;
  return Math.max(4, Math.round(targetBytes / perService));
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
  const services = servicesFor(targetMB * 1e6);
  const text = dumpText(services);
  const runs = targetMB >= 100 ? 2 : 5;
  const parseTimes: number[] = [];
  const ingestTimes: number[] = [];
  let last: ReturnType<typeof parseConfigDump> | undefined;
  for (let i = 0; i < runs; i++) {
    parseTimes.push(time(() => JSON.parse(text)));
    ingestTimes.push(
      time(() => {
        last = parseConfigDump(text);
      }),
    );
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
  let graphNodes = 0;
  const graphBuildMs = time(() => {
    graphNodes = buildProxyGraph(dump).nodes.length;
  });

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
    peakMemoryRatio: round(peakBytes / text.length),
    clusters: dump.clusters.length,
    listeners: dump.listeners.length,
    routeConfigs: dump.routeConfigs.length,
    endpoints: dump.endpoints.reduce((n, e) => n + e.endpoints.length, 0),
    traceP50Ms: round(percentile(traces, 50)),
    traceP99Ms: round(percentile(traces, 99)),
    graphBuildMs: round(graphBuildMs),
    graphNodes,
    tableFilterMs: round(filter.ms),
    tableRows: filter.rows,
  };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

function main(): void {
  const args = process.argv.slice(2);
  if (args[0] === '--child' && args[1]) return childMeasure(args[1]);
  const json = args.includes('--json');
  const sizesArg = args[args.indexOf('--sizes') + 1];
  const sizes =
    args.includes('--sizes') && sizesArg ? sizesArg.split(',').map(Number) : [1, 20, 200];
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
    if (!json) {
      console.table(results);
      console.log(
        'ingestRatio = parseConfigDump ms / JSON.parse ms on the same text (target <= 2.0); ' +
          'peakMemoryRatio = peak RSS growth / file size (target <= 4).',
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
