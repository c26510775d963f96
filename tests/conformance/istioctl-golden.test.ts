// istioctl's own `proxy-config` golden files, reproduced by `meshlens proxy-config` from the same
// inputs. Every file under fixtures/istioctl-golden is either an input or a golden of a case below,
// or listed in OUT_OF_SCOPE with the reason; the coverage test fails on any other file.
//
// How outputs are compared (weakest last):
//   exact     - byte for byte (a golden without a final newline is compared with ours minus it).
//   exact-note - byte for byte after dropping istioctl 1.4's "NOTE: This output only contains routes
//               loaded via RDS." line, which current istioctl no longer prints.
//   json      - parsed JSON deep-equal, no normalisation.
//   canonical - parsed JSON deep-equal after `canonicalise` (older istioctl / egctl goldens): see there.
//   columns   - older-istioctl tables whose columns differ from today's: same rows, same values in
//               every column both tables have (ADDRESS of 1.4 = ADDRESSES of today).
//   names     - egctl (Envoy Gateway) JSON, a different wrapper format: same set of resource names.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { runProxyConfig } from '../../apps/server/src/cli/proxyConfigCommand';
import { parseConfigDump } from '../../packages/configdump/src/index';
import { describeFixtures, fixture, listFixtureFiles } from './fixtures';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIR = 'istioctl-golden';

// VALID CERT depends on the clock. The goldens were captured when the `default` workload cert
// (valid 2023-05-15..16) had expired and ROOTCA (to 2033) had not; the warming secret in
// pc-secret-v3 was last updated 2025-04-11, so that is the capture time we pin.
const CAPTURE_TIME = new Date('2025-04-11T15:00:00Z');

type Compare = 'exact' | 'exact-note' | 'json' | 'canonical' | 'columns' | 'names';

interface GoldenCase {
  golden: string;
  input: string;
  argv: string[];
  compare: Compare;
}

const WAYPOINT = 'pc-all-waypoint-istio121/config_dump.json';
const V2 = 'pc-v2alpha-istio14/configdump.json';
const ADMIN = 'pc-endpoint-clusters-admin-istio14/clusters.json';
const EG = 'egctl-config-envoy126/in.all.json';
const POLICY = 'outbound|15014||istio-policy.istio-system.svc.cluster.local';

const c = (golden: string, input: string, argv: string[], compare: Compare): GoldenCase => ({
  golden,
  input,
  argv,
  compare,
});

const CASES: GoldenCase[] = [
  // Current istioctl format: exact.
  c('pc-all-waypoint-istio121/config_dump_summary.txt', WAYPOINT, ['all'], 'exact'),
  c(
    'pc-all-waypoint-istio121/config_dump_summary_withheaders.txt',
    WAYPOINT,
    ['all', '--with-headers'],
    'exact',
  ),
  c(
    'pc-bootstrap-v3/versionsummary.txt',
    'pc-bootstrap-v3/configdump.json',
    ['bootstrap'],
    'exact',
  ),
  c(
    'pc-bootstrap-v3/bootstrapdump.json',
    'pc-bootstrap-v3/configdump.json',
    ['bootstrap', '-o', 'json'],
    'json',
  ),
  c('pc-ecds-v3/output.txt', 'pc-ecds-v3/configdump.json', ['ecds'], 'exact'),
  c('pc-ecds-v3/output.json', 'pc-ecds-v3/configdump.json', ['ecds', '-o', 'json'], 'json'),
  c('pc-ecds-v3/output.yaml', 'pc-ecds-v3/configdump.json', ['ecds', '-o', 'yaml'], 'exact'),
  ...['empty-gateway', 'istio-gateway-http-route-prefix'].map((d) =>
    c(
      `pc-routes-gateway-v3/${d}/output.txt`,
      `pc-routes-gateway-v3/${d}/configdump.json`,
      ['route'],
      'exact',
    ),
  ),
  c('pc-secret-v3/istio/output.txt', 'pc-secret-v3/istio/config_dump.json', ['secret'], 'exact'),
  // Istio 1.4 endpoint command on Envoy admin /clusters: its table is still today's, so exact.
  c('pc-endpoint-clusters-admin-istio14/clustersummary.txt', ADMIN, ['endpoint'], 'exact'),
  ...[
    ['--cluster', POLICY],
    ['--address', '172.17.0.14'],
    ['--port', '15014'],
    ['--status', 'unhealthy'],
  ].flatMap((f) => [
    c(
      'pc-endpoint-clusters-admin-istio14/clustersummaryfiltered.txt',
      ADMIN,
      ['endpoint', ...f],
      'exact',
    ),
    c(
      'pc-endpoint-clusters-admin-istio14/clusterfiltered.txt',
      ADMIN,
      ['endpoint', '-o', 'json', ...f],
      'canonical',
    ),
  ]),
  c(
    'pc-endpoint-clusters-admin-istio14/clustersnofiltered.txt',
    ADMIN,
    ['endpoint', '-o', 'json'],
    'canonical',
  ),
  c(
    'pc-endpoint-clusters-admin-istio14/clustermultihostsfiltered.txt',
    ADMIN,
    ['endpoint', '-o', 'json', '--cluster', 'outbound|9080||reviews.default.svc.cluster.local'],
    'canonical',
  ),
  // Istio 1.4 proxy-config on a v2alpha dump.
  c('pc-v2alpha-istio14/clustersummary.txt', V2, ['cluster'], 'columns'),
  c(
    'pc-v2alpha-istio14/clustersummaryfiltered.txt',
    V2,
    ['cluster', '--fqdn', 'istio-policy.istio-system.svc.cluster.local'],
    'columns',
  ),
  c('pc-v2alpha-istio14/clustersummaryfiltered.txt', V2, ['cluster', '--port', '15004'], 'columns'),
  c('pc-v2alpha-istio14/clusterdump.json', V2, ['cluster', '-o', 'json'], 'canonical'),
  c(
    'pc-v2alpha-istio14/clusterdumpfiltered.json',
    V2,
    ['cluster', '-o', 'json', '--fqdn', 'istio-policy.istio-system.svc.cluster.local'],
    'canonical',
  ),
  c(
    'pc-v2alpha-istio14/clusterdumpfiltered.json',
    V2,
    ['cluster', '-o', 'json', '--port', '15004'],
    'canonical',
  ),
  c('pc-v2alpha-istio14/listenersummary.txt', V2, ['listener', '--verbose=false'], 'columns'),
  ...[
    ['--address', '172.21.134.116'],
    ['--port', '443'],
    ['--type', 'TCP'],
  ].flatMap((f) => [
    c(
      'pc-v2alpha-istio14/listenersummaryfiltered.txt',
      V2,
      ['listener', '--verbose=false', ...f],
      'columns',
    ),
    c(
      'pc-v2alpha-istio14/listenerdumpfiltered.json',
      V2,
      ['listener', '-o', 'json', ...f],
      'canonical',
    ),
  ]),
  c('pc-v2alpha-istio14/listenerdump.json', V2, ['listener', '-o', 'json'], 'canonical'),
  c('pc-v2alpha-istio14/routesummary.txt', V2, ['route', '--verbose=false'], 'exact-note'),
  c(
    'pc-v2alpha-istio14/routesummaryfiltered.txt',
    V2,
    ['route', '--verbose=false', '--name', '15004'],
    'exact-note',
  ),
  c('pc-v2alpha-istio14/routedump.json', V2, ['route', '-o', 'json'], 'canonical'),
  c(
    'pc-v2alpha-istio14/routedumpfiltered.json',
    V2,
    ['route', '-o', 'json', '--name', '15004'],
    'canonical',
  ),
  c('pc-v2alpha-istio14/bootstrapdump.json', V2, ['bootstrap', '-o', 'json'], 'canonical'),
  // Envoy Gateway's egctl on a plain Envoy 1.26 dump.
  c('egctl-config-envoy126/out.cluster.json', EG, ['cluster', '-o', 'json'], 'names'),
  c('egctl-config-envoy126/out.listener.json', EG, ['listener', '-o', 'json'], 'names'),
  c('egctl-config-envoy126/out.route.json', EG, ['route', '-o', 'json'], 'names'),
  c('egctl-config-envoy126/out.endpoints.json', EG, ['endpoint', '-o', 'json'], 'names'),
  c('egctl-config-envoy126/out.bootstrap.json', EG, ['bootstrap', '-o', 'json'], 'canonical'),
  c('egctl-config-envoy126/out.all.json', EG, ['all', '-o', 'json'], 'canonical'),
];

/** Files that are neither an input nor a golden of a case, and why. */
const OUT_OF_SCOPE: Record<string, string> = {
  'authz-check-istio11/productpage.golden':
    'output of `istioctl x authz check`, not proxy-config (out of scope; its input dump is only checked to parse)',
};
const PARSE_ONLY = ['authz-check-istio11/productpage_config_dump.json'];
/**
 * proxy-status goldens are not proxy-config output: `proxy-status.test.ts` reproduces the status
 * tables and `diff.test.ts` the istiod-vs-Envoy diffs. Each must be named by the suite that covers it.
 */
const PROXY_STATUS_SUITES: Record<string, string> = {
  'proxy-status-istio14/': 'proxy-status.test.ts',
  'proxy-status-diff-istio14/': 'diff.test.ts',
};
const isProxyStatus = (f: string): boolean => f.startsWith('proxy-status');

// ---- reading a table back (for `columns`): tables from different istioctl versions have other
// columns and padding, so they are compared cell by cell under each column title. ----------------

/** Every column title istioctl's proxy-config tables use; titles may contain one space. */
const COLUMN_TITLES = [
  'NAME',
  'SERVICE FQDN',
  'PORT',
  'SUBSET',
  'DIRECTION',
  'TYPE',
  'DESTINATION RULE',
  'ADDRESS',
  'ADDRESSES',
  'MATCH',
  'DESTINATION',
  'VHOST NAME',
  'DOMAINS',
  'VIRTUAL SERVICE',
  'VIRTUAL HOSTS',
  'ENDPOINT',
  'STATUS',
  'OUTLIER CHECK',
  'LOCALITY',
  'CLUSTER',
  'RESOURCE NAME',
  'VALID CERT',
  'SERIAL NUMBER',
  'NOT AFTER',
  'NOT BEFORE',
  'ECDS NAME',
];

/** A table read back from text: column titles and, per row, the cell under each title. */
interface ParsedTable {
  columns: string[];
  rows: Record<string, string>[];
}

/** Column starts of a header line: the longest known title at each non-space position. */
function headerColumns(header: string): { title: string; start: number }[] {
  const out: { title: string; start: number }[] = [];
  let i = 0;
  while (i < header.length) {
    if (header[i] === ' ') {
      i++;
      continue;
    }
    const title = COLUMN_TITLES.filter((t) => header.startsWith(t, i))
      .filter((t) => i + t.length === header.length || header[i + t.length] === ' ')
      .sort((a, b) => b.length - a.length)[0];
    if (title === undefined)
      throw new Error(`unknown column title at ${i} in ${JSON.stringify(header)}`);
    out.push({ title, start: i });
    i += title.length;
  }
  return out;
}

/** Parses the first table of `text` (lines before its header, like istioctl 1.4's NOTE, are skipped). */
function parseTable(text: string): ParsedTable {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => /^[A-Z][A-Z ]*[A-Z]$/.test(l.trimEnd()));
  if (at < 0) throw new Error('no table header found');
  const columns = headerColumns((lines[at] ?? '').trimEnd());
  const rows: Record<string, string>[] = [];
  for (const line of lines.slice(at + 1)) {
    if (line.trim() === '') break;
    const row: Record<string, string> = {};
    columns.forEach((c, k) => {
      const end = columns[k + 1]?.start ?? line.length;
      row[c.title] = line.slice(c.start, end).trim();
    });
    rows.push(row);
  }
  return { columns: columns.map((c) => c.title), rows };
}

// ---- comparison helpers -------------------------------------------------------------------------

/** Fields the Istio 1.4 proto bindings no longer knew (Envoy removed them) and so dropped on output. */
const REMOVED_FIELDS = new Set(['useWebsocket', 'use_websocket']);

/**
 * Normalises the differences between istioctl/egctl versions that are spelling, not content:
 * keys to lowerCamelCase (protojson vs Envoy's snake_case, also inside Struct data, on both sides),
 * `@type` dropped (older istioctl kept it when unpacking an Any, newer drops it), fields in
 * REMOVED_FIELDS dropped, and egctl's `{namespace: {pod: x}}` wrapper unwrapped.
 */
function canonicalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalise);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === '@type' || REMOVED_FIELDS.has(k)) continue;
    const key = /^[a-z][a-z0-9]*(_[a-z0-9]+)+$/.test(k)
      ? k.replace(/_([a-z0-9])/g, (_, ch: string) => ch.toUpperCase())
      : k;
    out[key] = canonicalise(v);
  }
  return out;
}

/** egctl wraps its output as `{ <namespace>: { <pod>: <dump> } }`. */
function unwrapEgctl(value: unknown): Record<string, unknown> {
  const ns = Object.values(value as Record<string, unknown>)[0] as Record<string, unknown>;
  return Object.values(ns)[0] as Record<string, unknown>;
}

/** Resource names in an egctl section dump (config dump section shape, camelCase). */
function egctlNames(section: Record<string, unknown>): string[] {
  const names: string[] = [];
  const visit = (x: unknown, key: string): void => {
    if (Array.isArray(x)) x.forEach((e) => visit(e, key));
    else if (typeof x === 'object' && x !== null) {
      const o = x as Record<string, unknown>;
      if (
        ['cluster', 'routeConfig', 'endpointConfig'].includes(key) ||
        (key === 'dynamicListeners' && 'name' in o)
      ) {
        names.push(String(o['name'] ?? o['clusterName']));
        return;
      }
      for (const [k, v] of Object.entries(o)) visit(v, k);
    }
  };
  visit(section, '');
  return names.sort();
}

/** Names of the resources in our `-o json` list. */
function ourNames(list: unknown): string[] {
  return (list as Record<string, unknown>[])
    .map((r) => String(r['name'] ?? r['clusterName']))
    .sort();
}

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runProxyConfig(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    now: () => CAPTURE_TIME,
  });
  return { code, stdout, stderr };
}

function compare(kind: Compare, ours: string, golden: string, goldenPath: string): void {
  switch (kind) {
    case 'exact':
      expect(ours).toBe(golden.endsWith('\n') ? golden : `${golden}\n`);
      return;
    case 'exact-note': {
      const note = 'NOTE: This output only contains routes loaded via RDS.\n';
      expect(golden.startsWith(note)).toBe(true);
      expect(ours).toBe(`${golden.slice(note.length)}\n`);
      return;
    }
    case 'json':
      expect(JSON.parse(ours)).toEqual(JSON.parse(golden));
      return;
    case 'canonical': {
      let want: unknown = JSON.parse(golden);
      if (goldenPath.startsWith('egctl')) want = unwrapEgctl(want);
      expect(canonicalise(JSON.parse(ours))).toEqual(canonicalise(want));
      return;
    }
    case 'names': {
      const names = ourNames(JSON.parse(ours));
      expect(names.length).toBeGreaterThan(0);
      expect(names).toEqual(egctlNames(unwrapEgctl(JSON.parse(golden))));
      return;
    }
    case 'columns': {
      const a = parseTable(ours);
      const b = parseTable(golden);
      const alias = (t: string): string => (t === 'ADDRESS' ? 'ADDRESSES' : t);
      const shared = b.columns.filter((t) => a.columns.includes(alias(t)));
      // Every column of the old table still exists today; only new ones were added.
      expect(shared).toEqual(b.columns);
      expect(a.rows.map((r) => shared.map((t) => r[alias(t)]))).toEqual(
        b.rows.map((r) => shared.map((t) => r[t])),
      );
      expect(b.rows.length).toBeGreaterThan(0);
    }
  }
}

describeFixtures('istioctl proxy-config goldens', () => {
  const files = listFixtureFiles(DIR).map((f) => f.slice(DIR.length + 1));

  it('covers every file of the golden folder, or names why not', () => {
    const covered = new Set([
      ...CASES.flatMap((k) => [k.golden, k.input]),
      ...PARSE_ONLY,
      ...Object.keys(OUT_OF_SCOPE),
    ]);
    const uncovered = files.filter((f) => !covered.has(f) && !isProxyStatus(f));
    expect(uncovered).toEqual([]);
    // And nothing listed here is missing from the folder (a renamed golden must not go unnoticed).
    expect([...covered].filter((f) => !files.includes(f))).toEqual([]);
  });

  for (const k of CASES) {
    it(`${k.golden} <- proxy-config ${k.argv.join(' ')} (${k.compare})`, async () => {
      const r = await run([...k.argv, '--file', fixture(DIR, k.input)]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      compare(k.compare, r.stdout, readFileSync(fixture(DIR, k.golden), 'utf8'), k.golden);
    });
  }

  for (const f of PARSE_ONLY) {
    it(`${f} parses (its golden is out of scope)`, () => {
      const r = parseConfigDump(readFileSync(fixture(DIR, f)));
      expect(r.ok && r.dump.listeners.length > 0).toBe(true);
    });
  }

  for (const f of files.filter(isProxyStatus)) {
    const [prefix, suite] =
      Object.entries(PROXY_STATUS_SUITES).find(([p]) => f.startsWith(p)) ?? [];
    it(`${f} is reproduced by ${suite ?? 'no suite'}`, () => {
      expect(suite, `no suite covers ${f}`).toBeDefined();
      const source = readFileSync(
        join(dirname(fileURLToPath(import.meta.url)), suite ?? ''),
        'utf8',
      );
      expect(source).toContain(`'${f.slice(prefix?.length ?? 0)}'`);
    });
  }
  for (const [f, why] of Object.entries(OUT_OF_SCOPE)) {
    it.skip(`${f} (skipped: ${why})`, () => {});
  }

  it('a valid dump without the section prints an empty table and a note on stderr', async () => {
    const r = await run(['cluster', '--file', fixture(DIR, 'pc-ecds-v3/configdump.json')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'SERVICE FQDN     PORT     SUBSET     DIRECTION     TYPE     DESTINATION RULE\n',
    );
    expect(r.stderr).toMatch(/^note: the input has no clusters section/);
  });

  // No golden exists for these real dumps; every table and dump must still come out without an
  // error, and the cluster table must have a row per listed cluster (a crude but failing check).
  for (const f of listFixtureFiles('config-dumps')) {
    it(`${f}: every proxy-config type prints (short and -o json)`, async () => {
      for (const type of [
        'all',
        'ecds',
        'listener',
        'route',
        'cluster',
        'endpoint',
        'secret',
        'bootstrap',
      ]) {
        for (const o of ['short', 'json']) {
          const r = await run([type, '-o', o, '--file', fixture(f)]);
          expect(r.code, `${type} -o ${o}`).toBe(0);
          expect(r.stderr).not.toMatch(/error|warning/i);
          if (o === 'json') expect(() => JSON.parse(r.stdout) as unknown).not.toThrow();
        }
      }
      const table = (await run(['cluster', '--file', fixture(f)])).stdout.trimEnd().split('\n');
      const json = JSON.parse(
        (await run(['cluster', '-o', 'json', '--file', fixture(f)])).stdout,
      ) as unknown[];
      expect(table.length - 1).toBe(json.length);
    });
  }

  it('the real CLI (tsx main.ts) prints the same table as the in-process run', async () => {
    const input = fixture(DIR, WAYPOINT);
    const cli = spawnSync(
      join(repoRoot, 'node_modules/.bin/tsx'),
      ['apps/server/src/cli/main.ts', 'proxy-config', 'cluster', '--file', input],
      {
        cwd: repoRoot,
        encoding: 'utf8',
      },
    );
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);
    expect(cli.stdout).toBe((await run(['cluster', '--file', input])).stdout);
    expect(cli.stdout.split('\n')[0]).toMatch(/^NAME|^SERVICE FQDN/);
  });

  it('the real CLI exits non-zero with a one-line error, no stack trace, on a garbage file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'meshlens-pc-'));
    const bad = join(dir, 'broken.json');
    writeFileSync(bad, '{\n  "configs": [\n    { "@type": "x",, }\n  ]\n}\n');
    const cli = spawnSync(
      join(repoRoot, 'node_modules/.bin/tsx'),
      ['apps/server/src/cli/main.ts', 'proxy-config', 'listener', '--file', bad],
      {
        cwd: repoRoot,
        encoding: 'utf8',
      },
    );
    expect(cli.status).not.toBe(0);
    expect(cli.stdout).toBe('');
    expect(cli.stderr).toMatch(
      /^meshlens proxy-config: cannot read .*broken\.json: invalid JSON at line 3, column \d+/,
    );
    expect(cli.stderr.trim().split('\n')).toHaveLength(1);
    expect(cli.stderr).not.toMatch(/\n\s+at /);
  });
});
