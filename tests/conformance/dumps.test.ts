// Every real config dump in the fixtures goes through `parseConfigDump`. Counts are checked
// against counts taken straight from the raw JSON by a generic walk written here (it never calls
// the parser's helpers); spot values were read from the files by hand; istioctl's golden tables
// give the expected versions, certificates, endpoint health and Istio cluster-name columns.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import {
  formatAddress,
  formatDumpError,
  parseConfigDump,
  parseIstioClusterName,
} from '../../packages/configdump/src/index';
import type { ConfigDump, DumpError, JsonValue } from '../../packages/configdump/src/index';
import { describeFixtures, fixture, listFixtureFiles } from './fixtures';

const read = (rel: string): string => readFileSync(fixture(rel), 'utf8');

function parseOk(rel: string): ConfigDump {
  const r = parseConfigDump(read(rel), { fileName: basename(rel) });
  if (!r.ok) throw new Error(`${rel}: ${formatDumpError(r.error)}`);
  return r.dump;
}

/** The dump files: every capture in config-dumps/ and every JSON input/output of istioctl-golden/. */
function dumpFiles(): string[] {
  return [
    ...listFixtureFiles('config-dumps'),
    ...listFixtureFiles('istioctl-golden').filter((f) => f.endsWith('.json')),
  ];
}

// ---- independent counting over the raw JSON -------------------------------------------------

interface Counts {
  listeners: number;
  routeConfigs: number;
  clusters: number;
  endpoints: number;
  secrets: number;
  ecds: number;
}

const snake = (k: string): string => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const isObj = (v: unknown): v is Record<string, JsonValue> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const LIST_KEYS: Record<string, keyof Counts> = {
  static_listeners: 'listeners',
  dynamic_active_listeners: 'listeners',
  dynamic_warming_listeners: 'listeners',
  dynamic_draining_listeners: 'listeners',
  static_route_configs: 'routeConfigs',
  dynamic_route_configs: 'routeConfigs',
  static_clusters: 'clusters',
  dynamic_active_clusters: 'clusters',
  dynamic_warming_clusters: 'clusters',
  static_endpoint_configs: 'endpoints',
  dynamic_endpoint_configs: 'endpoints',
  cluster_statuses: 'endpoints',
  static_secrets: 'secrets',
  dynamic_active_secrets: 'secrets',
  dynamic_warming_secrets: 'secrets',
  ecds_filters: 'ecds',
};
const hasStaticHosts = (c: Record<string, JsonValue>): boolean =>
  isObj(c.load_assignment ?? c.loadAssignment) || (Array.isArray(c.hosts) && c.hosts.length > 0);
const LISTENER_STATES = ['active_state', 'warming_state', 'draining_state', 'error_state'];

/**
 * Counts resource entries by walking every object and looking for the admin dump list keys
 * (either spelling). Static endpoints: clusters carrying a `load_assignment` (or v2 `hosts`)
 * whose name no EDS entry covers. Bare resource lists (istioctl -o json) are counted by what the file is.
 */
function countRaw(rel: string, root: JsonValue): Counts {
  const c: Counts = {
    listeners: 0,
    routeConfigs: 0,
    clusters: 0,
    endpoints: 0,
    secrets: 0,
    ecds: 0,
  };
  if (Array.isArray(root)) {
    const name = basename(rel);
    if (name.startsWith('clusterdump')) c.clusters = root.length;
    else if (name.startsWith('listenerdump')) c.listeners = root.length;
    else if (name.startsWith('routedump')) c.routeConfigs = root.length;
    else throw new Error(`no expectation for the list ${rel}`);
  }
  const edsNames = new Set<string>();
  const loadAssignments: string[] = [];
  const walk = (v: JsonValue, key: string): void => {
    if (Array.isArray(v)) {
      const k = LIST_KEYS[key];
      if (k) c[k] += v.length;
      if (key === 'dynamic_listeners') {
        for (const e of v)
          if (isObj(e))
            c.listeners += LISTENER_STATES.filter((s) =>
              isObj(e[s] ?? e[s.replace(/_s/, 'S')]),
            ).length;
      }
      for (const item of v) walk(item, '');
      return;
    }
    if (!isObj(v)) return;
    if (key === 'bootstrap') return; // bootstrap.static_resources are not dump entries
    if (key === 'endpoint_config' && typeof (v.cluster_name ?? v.clusterName) === 'string') {
      edsNames.add(String(v.cluster_name ?? v.clusterName));
    }
    if (key === 'cluster' && hasStaticHosts(v)) loadAssignments.push(String(v.name));
    for (const [k, child] of Object.entries(v)) walk(child, snake(k));
  };
  walk(root, '');
  if (Array.isArray(root)) {
    for (const item of root)
      if (isObj(item) && hasStaticHosts(item)) loadAssignments.push(String(item.name));
  }
  c.endpoints += loadAssignments.filter((n) => !edsNames.has(n)).length;
  return c;
}

function countModel(d: ConfigDump): Counts {
  return {
    listeners: d.listeners.length,
    routeConfigs: d.routeConfigs.length,
    clusters: d.clusters.length,
    endpoints: d.endpoints.length,
    secrets: d.secrets.length,
    ecds: d.extensionConfigs.length,
  };
}

// ---- istioctl table reader ------------------------------------------------------------------

/** Rows of a tabwriter table as header -> cell, columns found from the header's word starts. */
function readTable(text: string, firstHeader: string): Record<string, string>[] {
  const lines = text.split('\n');
  const h = lines.findIndex((l) => l.startsWith(firstHeader));
  if (h < 0) throw new Error(`no table starting with ${firstHeader}`);
  const header = lines[h]!;
  const starts = [0];
  for (const m of header.matchAll(/ {2,}(\S)/g)) starts.push(m.index + m[0].length - 1);
  const names = starts.map((s, i) => header.slice(s, starts[i + 1]).trim());
  const rows: Record<string, string>[] = [];
  for (const line of lines.slice(h + 1)) {
    if (line.trim() === '') break;
    rows.push(
      Object.fromEntries(names.map((n, i) => [n, line.slice(starts[i], starts[i + 1]).trim()])),
    );
  }
  return rows;
}

const goldenLine = (text: string, label: string): string | undefined =>
  text
    .split('\n')
    .find((l) => l.startsWith(label))
    ?.slice(label.length)
    .trim();

// ---- tests ----------------------------------------------------------------------------------

describeFixtures('config dumps: every real dump parses with the counts of the raw file', () => {
  const files = dumpFiles();

  it('finds the dump files named in the task', () => {
    const names = new Set(files.map((f) => basename(f)));
    for (const n of [
      'configdump.json',
      'config_dump.json',
      'bootstrapdump.json',
      'clusters.json',
      'envoyconfigdump.json',
      'pilotconfigdump.json',
      'diffenvoyconfigdump.json',
      'productpage_config_dump.json',
      'in.all.json',
      'output.json',
      'out.all.json',
    ]) {
      expect(names, n).toContain(n);
    }
    expect(files.filter((f) => f.startsWith('config-dumps/')).length).toBe(8);
  });

  it.each(files)('%s', (rel) => {
    const d = parseOk(rel);
    const raw = JSON.parse(read(rel)) as JsonValue;
    // Compared as text so a mismatch names the section in the failure message.
    expect(JSON.stringify(countModel(d))).toBe(JSON.stringify(countRaw(rel, raw)));
    expect(d.warnings).toEqual([]);
  });

  it('reads gzip bytes of a real dump like its text', () => {
    const rel = 'config-dumps/istio13-ingressgateway-v2alpha.json';
    const r = parseConfigDump(new Uint8Array(gzipSync(readFileSync(fixture(rel)))));
    expect(r.ok && countModel(r.dump)).toEqual(countModel(parseOk(rel)));
    expect(r.ok && r.dump.source.gzip).toBe(true);
  });
});

/** The same JSON with every snake_case key in camelCase, as Go's jsonpb prints it. */
function camelCased(v: JsonValue): JsonValue {
  if (Array.isArray(v)) return v.map(camelCased);
  if (!isObj(v)) return v;
  const out: Record<string, JsonValue> = {};
  for (const [k, c] of Object.entries(v))
    out[k.replace(/_([a-z0-9])/g, (_m, ch: string) => ch.toUpperCase())] = camelCased(c);
  return out;
}

/** The model without raw JSON (spelled as in the input by design) and without input size / name. */
const withoutRaw = (d: ConfigDump): string =>
  JSON.stringify(d, (k, v: unknown) =>
    k === 'raw' ||
    k === 'filterChainMatcher' ||
    k === 'outlierDetection' ||
    k === 'bytes' ||
    k === 'fileName'
      ? undefined
      : v instanceof Map
        ? [...v.keys()]
        : v,
  );

describeFixtures('config dumps: camelCase copies of the real dumps read the same', () => {
  it.each(listFixtureFiles('config-dumps'))('%s', (rel) => {
    const snakeDump = parseOk(rel);
    const camel = parseConfigDump(JSON.stringify(camelCased(JSON.parse(read(rel)) as JsonValue)));
    expect(camel.ok).toBe(true);
    if (!camel.ok) return;
    expect(withoutRaw(camel.dump)).toBe(withoutRaw(snakeDump));
    // A sanity check that the copy really is camelCase.
    expect(
      JSON.stringify(
        camel.dump.clusters[0]?.raw ??
          camel.dump.listeners[0]?.raw ??
          camel.dump.routeConfigs[0]?.raw,
      ),
    ).not.toMatch(/"[a-z]+_[a-z]+":/);
  });
});

describeFixtures('config dumps: spot values checked by hand against the files', () => {
  it('Istio 1.3 productpage sidecar (v2alpha)', () => {
    const d = parseOk('config-dumps/istio13rc-productpage-sidecar-v2alpha.json');
    expect(d.source).toMatchObject({ shape: 'config-dump', apiVersion: 'v2', format: 'json' });
    expect(d.node).toMatchObject({
      proxyType: 'sidecar',
      podName: 'productpage-v1-7bbd79f8fd-k6j79',
      namespace: 'default',
      ip: '172.30.150.216',
      istioVersion: '1.3.0-rc.2',
      istioProxySha: 'cd3fd800f5d75b4fea8a5da0212766402bfeecf1',
      envoyVersion: '1.12.0-dev/Clean/RELEASE/BoringSSL',
      clusterId: 'Kubernetes',
    });
    const reviews = d.index.clusterByName.get('outbound|9080|v1|reviews.default.svc.cluster.local');
    expect(reviews).toMatchObject({
      type: 'EDS',
      istioName: {
        direction: 'outbound',
        port: 9080,
        subset: 'v1',
        host: 'reviews.default.svc.cluster.local',
      },
      tls: { sdsSecrets: [], istioMutual: true },
    });
    expect(d.sections).toEqual([
      'bootstrap',
      'clusters',
      'listeners',
      'routes',
      'scopedRoutes',
      'secrets',
    ]);
  });

  it('Istio 1.3 ingress gateway, v2alpha and the v3-admin/v2-API hybrid agree', () => {
    const v2 = parseOk('config-dumps/istio13-ingressgateway-v2alpha.json');
    const hybrid = parseOk('config-dumps/istio13-ingressgateway-hybrid-v3admin-v2api.json');
    expect(v2.source.apiVersion).toBe('v2');
    expect(hybrid.source.apiVersion).toBe('hybrid');
    for (const d of [v2, hybrid]) {
      expect(d.node).toMatchObject({
        proxyType: 'router',
        podName: 'istio-ingressgateway-5bf6c9887-vvvmj',
        namespace: 'istio-system',
        ip: '172.30.229.137',
        istioVersion: '1.3.0',
      });
      const http80 = d.index.routeConfigByName.get('http.80');
      const productpage = http80?.virtualHosts[0]?.routes[0];
      expect(productpage?.match.path).toEqual({ kind: 'path', value: '/productpage' });
      expect(productpage?.istioConfig).toMatchObject({
        kind: 'VirtualService',
        name: 'bookinfo',
        namespace: 'default',
      });
      expect(
        d.index.clusterByName.get('outbound|9080|v1|reviews.default.svc.cluster.local')
          ?.istioConfig,
      ).toMatchObject({
        kind: 'DestinationRule',
        name: 'reviews',
      });
      const l80 = d.index.listenerByName.get('0.0.0.0_80');
      expect(l80?.filterChains[0]?.filters[0]).toMatchObject({
        kind: 'http_connection_manager',
        routeSource: { kind: 'rds', routeConfigName: 'http.80' },
      });
    }
    expect(hybrid.listeners.map((l) => [l.name, l.state])).toEqual(
      v2.listeners.map((l) => [l.name, l.state]),
    );
  });

  it('Istio 1.4 camelCase dump (Go jsonpb) and its v2 TCP proxy', () => {
    const d = parseOk('istioctl-golden/pc-v2alpha-istio14/configdump.json');
    expect(d.node).toMatchObject({
      proxyType: 'sidecar',
      podName: 'details-v1-9cb87c69-t2fdz',
      namespace: 'default',
    });
    const tcp = d.index.listenerByName.get('172.21.134.116_443')?.filterChains[0]?.filters[1];
    expect(tcp).toMatchObject({
      kind: 'tcp_proxy',
      cluster: 'outbound|443||istio-galley.istio-system.svc.cluster.local',
    });
    expect(d.index.listenerByName.get('172.21.134.116_443')?.bindToPort).toBe(false);
    // The dump's only clusters are xds-grpc and istio-policy: the galley target is missing.
    expect(d.index.dangling).toContainEqual({
      from: { kind: 'filter_chain', listener: '172.21.134.116_443', index: 0 },
      via: 'tcp_cluster',
      name: 'outbound|443||istio-galley.istio-system.svc.cluster.local',
      expected: 'cluster',
    });
  });

  it('v3 partial dump with a filter_chain_matcher and a dangling cluster', () => {
    const d = parseOk('config-dumps/istio-sidecar-v3-lds-cds-rds-partial.json');
    expect(d.sections).toEqual(['clusters', 'listeners', 'routes']);
    expect(d.node).toBeUndefined();
    expect(d.listeners.some((l) => l.filterChainMatcher !== undefined)).toBe(true);
    // A route targets `main_internal`, which the clusters section does not define.
    expect(d.index.dangling.map((x) => x.name)).toContain('main_internal');
  });

  it('routes-only dump: VirtualService refs, and no dangling clusters', () => {
    const d = parseOk('config-dumps/istio-describe-tls-v3-routes-only.json');
    expect(d.sections).toEqual(['routes']);
    const r = d.routeConfigs[0]?.virtualHosts[0]?.routes[0];
    expect(r?.istioConfig).toEqual({
      kind: 'VirtualService',
      name: 'bookinfo',
      namespace: 'default',
      path: '/apis/networking.istio.io/v1alpha3/namespaces/default/virtual-service/bookinfo',
    });
    expect(r?.action).toMatchObject({
      kind: 'cluster',
      options: { retryPolicy: { numRetries: 2 } },
    });
    expect(d.index.dangling).toEqual([]);
  });

  it('plain Envoy 1.37 (not Istio)', () => {
    const d = parseOk('config-dumps/envoy137-plain-gatewayapi-v3.json');
    expect(d.node).toMatchObject({
      proxyType: 'unknown',
      cluster: 'default/httpbin-gateway',
      envoyVersion: '1.37.0/Clean/RELEASE/BoringSSL',
    });
    expect(d.node?.podName).toBeUndefined();
    expect(d.source.apiVersion).toBe('v3');
  });

  it('listeners-only v3 sidecar dump named .yaml but holding JSON', () => {
    const d = parseOk('config-dumps/istio-sidecar-v3-listeners-only.yaml');
    expect(d.source.format).toBe('json');
    expect(d.sections).toEqual(['listeners']);
    expect(d.index.listenerByName.get('virtualInbound')?.trafficDirection).toBe('INBOUND');
  });

  it('resource lists from istioctl -o json and ECDS output', () => {
    expect(parseOk('istioctl-golden/pc-v2alpha-istio14/clusterdump.json').source.shape).toBe(
      'resource-list',
    );
    const ecds = parseOk('istioctl-golden/pc-ecds-v3/output.json');
    expect(ecds.extensionConfigs.map((x) => x.name)).toContain('default.httpbin-rate-limiting');
  });
});

describeFixtures('config dumps: istioctl goldens', () => {
  it('Envoy / Istio versions equal istioctl version summaries', () => {
    const cases: [string, string][] = [
      [
        'istioctl-golden/pc-bootstrap-v3/configdump.json',
        'istioctl-golden/pc-bootstrap-v3/versionsummary.txt',
      ],
      [
        'istioctl-golden/pc-bootstrap-v3/bootstrapdump.json',
        'istioctl-golden/pc-bootstrap-v3/versionsummary.txt',
      ],
      [
        'istioctl-golden/pc-all-waypoint-istio121/config_dump.json',
        'istioctl-golden/pc-all-waypoint-istio121/config_dump_summary.txt',
      ],
    ];
    for (const [input, golden] of cases) {
      const g = read(golden);
      const node = parseOk(input).node;
      expect(node?.envoyVersion, input).toBe(goldenLine(g, 'Envoy Version:'));
      expect(node?.istioVersion, input).toBe(goldenLine(g, 'Istio Version:'));
      expect(node?.istioProxySha, input).toBe(goldenLine(g, 'Istio Proxy Version:'));
    }
  });

  it('secret serials, validity and types equal `proxy-config secret`', () => {
    const rows = readTable(read('istioctl-golden/pc-secret-v3/istio/output.txt'), 'RESOURCE NAME');
    const d = parseOk('istioctl-golden/pc-secret-v3/istio/config_dump.json');
    const kinds: Record<string, string> = { cert_chain: 'Cert Chain', ca: 'CA', unknown: '' };
    expect(rows.length).toBe(3);
    for (const row of rows) {
      const s = d.index.secretByName.get(row['RESOURCE NAME']!);
      expect(s, row['RESOURCE NAME']).toBeDefined();
      expect(kinds[s!.kind]).toBe(row.TYPE);
      expect(s!.state.toUpperCase()).toBe(row.STATUS);
      const cert = s!.certificates[0];
      expect(cert?.serialNumber ?? '').toBe(row['SERIAL NUMBER']);
      expect(cert?.notAfter ?? '').toBe(row['NOT AFTER']);
      expect(cert?.notBefore ?? '').toBe(row['NOT BEFORE']);
    }
  });

  it('admin /clusters endpoints, health and outlier check equal `proxy-config endpoint`', () => {
    const rows = readTable(
      read('istioctl-golden/pc-endpoint-clusters-admin-istio14/clustersummary.txt'),
      'ENDPOINT',
    );
    const d = parseOk('istioctl-golden/pc-endpoint-clusters-admin-istio14/clusters.json');
    expect(d.source.shape).toBe('admin-clusters');
    const ours = d.endpoints.flatMap((ce) =>
      ce.endpoints.map((e) => ({
        ENDPOINT: formatAddress(e.address),
        STATUS: e.healthStatus,
        'OUTLIER CHECK': e.outlierCheck ?? '',
        CLUSTER: ce.clusterName,
      })),
    );
    const key = (r: Record<string, string>): string => `${r.ENDPOINT} ${r.CLUSTER}`;
    expect([...ours].sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
      [...rows].sort((a, b) => key(a).localeCompare(key(b))),
    );
  });

  it('waypoint summary: endpoints, Istio cluster-name columns and secrets', () => {
    const summary = read('istioctl-golden/pc-all-waypoint-istio121/config_dump_summary.txt');
    const d = parseOk('istioctl-golden/pc-all-waypoint-istio121/config_dump.json');
    expect(d.node?.proxyType).toBe('waypoint');
    for (const row of readTable(
      summary,
      'NAME                                                       STATUS',
    )) {
      const ce = d.index.endpointsByCluster.get(row.CLUSTER!);
      const addrs = ce?.endpoints.map((e) => `endpoint/${formatAddress(e.address)}`);
      expect(addrs, row.CLUSTER).toContain(row.NAME);
      expect(ce?.endpoints[0]?.healthStatus).toBe(row.STATUS);
    }
    for (const row of readTable(
      summary,
      'NAME                                                                SERVICE FQDN',
    )) {
      const name = row.NAME!.replace(/^cluster\//, '');
      expect(d.index.clusterByName.get(name)?.type).toBe(row.TYPE);
      const ist = parseIstioClusterName(name);
      expect(ist ? ist.host : `cluster/${name}`).toBe(row['SERVICE FQDN']);
      expect(ist?.port === undefined ? '-' : String(ist.port)).toBe(row.PORT);
      expect(ist ? ist.subset || '-' : '-').toBe(row.SUBSET);
      expect(ist ? ist.direction : '-').toBe(row.DIRECTION);
    }
  });

  it('Istio 1.4 cluster table columns', () => {
    const rows = readTable(
      read('istioctl-golden/pc-v2alpha-istio14/clustersummary.txt'),
      'SERVICE FQDN',
    );
    const d = parseOk('istioctl-golden/pc-v2alpha-istio14/configdump.json');
    expect(d.clusters.length).toBe(rows.length);
    for (const c of d.clusters) {
      const ist = c.istioName;
      const row = rows.find((r) => r['SERVICE FQDN'] === (ist ? ist.host : c.name));
      expect(row, c.name).toBeDefined();
      expect(row?.PORT).toBe(ist?.port === undefined ? '-' : String(ist.port));
      expect(row?.DIRECTION).toBe(ist ? ist.direction : '-');
      expect(row?.TYPE).toBe(c.type);
    }
  });

  it('ECDS names and types equal `proxy-config ecds`', () => {
    const rows = readTable(read('istioctl-golden/pc-ecds-v3/output.txt'), 'ECDS NAME');
    for (const input of [
      'istioctl-golden/pc-ecds-v3/configdump.json',
      'istioctl-golden/pc-ecds-v3/output.json',
    ]) {
      const d = parseOk(input);
      const ours = d.extensionConfigs.map((x) => [x.name, x.typeUrl?.replace(/^.*\//, '') ?? '']);
      expect(ours.sort()).toEqual(rows.map((r) => [r['ECDS NAME'], r.TYPE]).sort());
    }
  });

  it('gateway route table VIRTUAL SERVICE column', () => {
    const rows = readTable(
      read('istioctl-golden/pc-routes-gateway-v3/istio-gateway-http-route-prefix/output.txt'),
      'NAME',
    );
    const d = parseOk(
      'istioctl-golden/pc-routes-gateway-v3/istio-gateway-http-route-prefix/configdump.json',
    );
    const withVs = rows.filter((r) => r['VIRTUAL SERVICE'] !== '');
    expect(withVs.length).toBe(1);
    for (const row of withVs) {
      const rc = d.index.routeConfigByName.get(row.NAME!);
      const vh = rc?.virtualHosts.find((v) => v.name === row['VHOST NAME']);
      const ref = vh?.routes.find((r) => r.istioConfig)?.istioConfig;
      expect(ref && `${ref.name}.${ref.namespace}`).toBe(row['VIRTUAL SERVICE']);
    }
  });
});

// ---- errors on real broken text ---------------------------------------------------------------

/** 1-based line/column of an offset, computed here independently of the parser. */
function where(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

function error(text: string): DumpError {
  const r = parseConfigDump(text);
  if (r.ok) throw new Error('expected an error');
  return r.error;
}

describeFixtures('config dumps: errors on real broken text', () => {
  const text = read('config-dumps/istio13-ingressgateway-v2alpha.json');

  it('a truncated dump reports the end of the text', () => {
    for (const cut of [1, 100, 5_000, 54_321, text.length - 2]) {
      const t = text.slice(0, cut);
      const e = error(t);
      expect(e.code).toBe('invalid_json');
      expect({ line: e.line, column: e.column }, `cut at ${cut}`).toEqual(where(t, t.length));
    }
  });

  it('a mutated dump reports the line and column of the damage', () => {
    const key = text.indexOf('"connect_timeout":', 30_000);
    const colon = key + '"connect_timeout"'.length;
    const semi = text.slice(0, colon) + ';' + text.slice(colon + 1);
    expect(error(semi)).toMatchObject({ code: 'invalid_json', ...where(semi, colon) });

    const value = text.indexOf('"EDS"', 60_000) + '"EDS"'.length;
    const stray = text.slice(0, value) + ' x' + text.slice(value);
    expect(error(stray)).toMatchObject({ code: 'invalid_json', ...where(stray, value + 1) });

    const quote = text.indexOf('"name"', 80_000);
    const noQuote = text.slice(0, quote) + text.slice(quote + 1);
    const e = error(noQuote);
    expect(e).toMatchObject({ code: 'invalid_json', ...where(noQuote, quote) });
    expect(formatDumpError(e)).toMatch(/^invalid JSON at line \d+, column \d+: /);
  });

  it("Envoy's router-check file with a trailing comma is invalid JSON at the bracket after it", () => {
    const t = read('router-check/TestRoutes.golden.proto.json');
    const m = /,\s*[}\]]/.exec(t)!;
    expect(error(t)).toMatchObject({
      code: 'invalid_json',
      ...where(t, m.index + m[0].length - 1),
    });
  });

  it('broken YAML reports the line of the damage', () => {
    const yaml = read('router-check/TestRoutes.yaml').split('\n');
    const at = 6;
    const broken = [...yaml.slice(0, at - 1), '  bad: [unclosed', ...yaml.slice(at - 1)].join('\n');
    const e = error(broken);
    expect(e.code).toBe('invalid_yaml');
    expect(e.line).toBeGreaterThanOrEqual(at);
    expect(e.column).toBeGreaterThanOrEqual(1);
    // The intact file is a RouteConfiguration, read as a one-item resource list.
    const ok = parseConfigDump(yaml.join('\n'));
    expect(ok.ok && ok.dump.source).toMatchObject({ format: 'yaml', shape: 'resource-list' });
  });

  it('valid JSON that is not a dump says what was expected and found', () => {
    const e = error(read('router-check/Weighted.golden.proto.json'));
    expect(e.code).toBe('not_a_config_dump');
    expect(e.found).toBe('an object with keys tests');
    expect(e.expected).toContain('`configs`');
  });
});

// ---- property: mutated real dumps never throw -------------------------------------------------

const CODES = new Set([
  'empty',
  'invalid_json',
  'invalid_yaml',
  'not_a_config_dump',
  'gzip',
  'too_large',
]);

function expectModelOrError(input: string | Uint8Array): void {
  const r = parseConfigDump(input);
  if (r.ok) {
    expect(Array.isArray(r.dump.clusters)).toBe(true);
    expect(r.dump.index.clusterByName).toBeInstanceOf(Map);
  } else {
    expect(CODES.has(r.error.code)).toBe(true);
    expect(typeof r.error.message).toBe('string');
  }
}

/** Every [parent, key] in a parsed value, so a random one can be replaced. */
function slots(root: JsonValue): [Record<string, JsonValue> | JsonValue[], string | number][] {
  const out: [Record<string, JsonValue> | JsonValue[], string | number][] = [];
  const walk = (v: JsonValue): void => {
    if (Array.isArray(v)) {
      v.forEach((c, i) => {
        out.push([v, i]);
        walk(c);
      });
    } else if (isObj(v)) {
      for (const [k, c] of Object.entries(v)) {
        out.push([v, k]);
        walk(c);
      }
    }
  };
  walk(root);
  return out;
}

describeFixtures('config dumps: mutated real dumps give a model or a typed error', () => {
  const sources = [
    'istioctl-golden/pc-v2alpha-istio14/configdump.json',
    'istioctl-golden/pc-all-waypoint-istio121/config_dump.json',
    'istioctl-golden/pc-secret-v3/istio/config_dump.json',
    'istioctl-golden/pc-endpoint-clusters-admin-istio14/clusters.json',
    'config-dumps/istio-sidecar-v3-lds-cds-rds-partial.json',
  ].map(read);

  it('text edits: deletions, insertions, replacements, truncations', () => {
    const edit = fc.record({
      src: fc.nat({ max: sources.length - 1 }),
      at: fc.nat(),
      del: fc.nat({ max: 40 }),
      insert: fc.oneof(
        fc.string({ maxLength: 6 }),
        fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', '\n', 'null'),
      ),
      truncate: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        let t = sources[edits[0]!.src]!;
        for (const e of edits) {
          const p = e.at % (t.length + 1);
          t = e.truncate ? t.slice(0, p) : t.slice(0, p) + e.insert + t.slice(p + e.del);
        }
        expectModelOrError(t);
      }),
      { numRuns: 400 },
    );
  });

  it('value edits: any node replaced by any JSON value', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: sources.length - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.jsonValue({ maxDepth: 3 })), { minLength: 1, maxLength: 5 }),
        (src, edits) => {
          const root = JSON.parse(sources[src]!) as JsonValue;
          for (const [pick, value] of edits) {
            const all = slots(root);
            if (all.length === 0) break;
            const [parent, key] = all[pick % all.length]!;
            (parent as Record<string, JsonValue>)[key] = value as JsonValue;
          }
          expectModelOrError(JSON.stringify(root));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('random bytes and corrupted gzip', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.boolean(), (bytes, asGzip) => {
        const input = asGzip ? new Uint8Array([0x1f, 0x8b, ...bytes]) : bytes;
        expectModelOrError(input);
      }),
      { numRuns: 200 },
    );
  });
});
