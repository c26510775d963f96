// `meshlens diff` and the semantic diff engine against real dumps. istioctl's proxy-status diff
// goldens are unified diffs of pretty-printed JSON: the test reads them line by line (with its own
// small reader, independent of the engine), takes the changed leaf values and the keys of the
// containers around them, locates the objects holding those values in the pilot dump, and requires
// our report to name exactly those objects and fields.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { runDiff } from '../../apps/server/src/cli/diffCommand';
import {
  parseConfigDump,
  type ConfigDump,
  type JsonValue,
} from '../../packages/configdump/src/index';
import { diffDumps, type DumpDiff, type ObjectChange } from '../../packages/diff/src/index';
import { describeFixtures, fixture, listFixtureFiles } from './fixtures';

const GOLDEN = 'istioctl-golden/proxy-status-diff-istio14';
const goldenPath = (name: string): string => fixture(GOLDEN, name);

const parse = (text: string | Uint8Array, name = 'dump'): ConfigDump => {
  const r = parseConfigDump(text, { fileName: name });
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.dump;
};
const readJson = (rel: string): JsonValue =>
  JSON.parse(readFileSync(fixture(rel), 'utf8')) as JsonValue;

const camel = (k: string): string => k.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

/** A changed leaf of a golden unified diff: its value, its key, and the keys of the containers around it (outermost first). */
interface GoldenFact {
  side: '-' | '+';
  key: string | undefined;
  value: JsonValue;
  enclosing: string[];
}

function readGolden(name: string): GoldenFact[] {
  const lines = readFileSync(goldenPath(name), 'utf8').split('\n');
  const start = lines.findIndex((l) => l.startsWith('@@'));
  const body = lines.slice(start + 1);
  const facts: GoldenFact[] = [];
  body.forEach((line, at) => {
    const side = line[0];
    if (side !== '-' && side !== '+') return;
    const text = line.slice(1).trim().replace(/,$/, '');
    const kv = /^"([^"]+)":\s*(.+)$/.exec(text);
    const bare = /^"(?:[^"\\]|\\.)*"$/.exec(text);
    let key: string | undefined;
    let value: JsonValue;
    if (kv && !/[{[]$/.test(kv[2]!))
      [key, value] = [camel(kv[1]!), JSON.parse(kv[2]!) as JsonValue];
    else if (bare) value = JSON.parse(text) as JsonValue;
    else return; // brackets and blank lines carry no value
    // Walk back over the same side's text (context + this side) to find the open containers.
    const enclosing: string[] = [];
    let depth = 0;
    for (let i = at - 1; i >= 0; i--) {
      const prev = body[i]!;
      if (prev[0] !== ' ' && prev[0] !== side) continue;
      const t = prev.slice(1).trim();
      const closes = (t.match(/[}\]]/g) ?? []).length;
      const opens = (t.match(/[{[]/g) ?? []).length;
      depth += closes - opens;
      if (depth < 0) {
        const open = /^"([^"]+)":\s*[{[]$/.exec(t);
        if (open) enclosing.unshift(camel(open[1]!));
        depth = 0;
      }
    }
    facts.push({ side, key, value, enclosing });
  });
  return facts;
}

/** Every primitive leaf of a value: its object-key path (camelCase, indexes dropped) and its value. */
function leaves(
  v: JsonValue | undefined,
  keys: string[] = [],
): { keys: string[]; value: JsonValue }[] {
  if (v === undefined) return [];
  if (Array.isArray(v)) return v.flatMap((x) => leaves(x, keys));
  if (v !== null && typeof v === 'object')
    return Object.entries(v).flatMap(([k, x]) => leaves(x, [...keys, camel(k)]));
  return [{ keys, value: v }];
}

const keysOfPath = (path: string): string[] =>
  [...path.matchAll(/(?:^|\.)([A-Za-z@][\w@]*)|\["([^"]+)"\]/g)].map((m) => m[1] ?? m[2]!);

/** True when `keys` ends with the fact's key and has the fact's enclosing keys, in order, before it. */
function matchesFact(keys: string[], f: GoldenFact): boolean {
  if (f.key !== undefined && keys[keys.length - 1] !== f.key) return false;
  let i = 0;
  for (const k of keys) if (k === f.enclosing[i]) i++;
  return i === f.enclosing.length;
}

/** Leaves our report shows for one side (`-`: values only the first dump has). */
function reportedLeaves(
  changes: ObjectChange[],
  side: '-' | '+',
): { keys: string[]; value: JsonValue }[] {
  return changes.flatMap((c) =>
    c.fields.flatMap((f) => {
      if (f.op === 'moved') return [];
      const v = side === '-' ? f.before : f.after;
      if (f.op === 'added' && side === '-') return [];
      if (f.op === 'removed' && side === '+') return [];
      return leaves(v, keysOfPath(f.path));
    }),
  );
}

const GOLDEN_KINDS = {
  'clusterdiff.txt': { section: 'clusters', kinds: ['cluster'] },
  'listenerdiff.txt': { section: 'listeners', kinds: ['listener'] },
  'routediff.txt': { section: 'routes', kinds: ['route_config', 'virtual_host', 'route'] },
} as const;

/** The object a change belongs to, as istioctl groups it (routes by route configuration). */
const owner = (c: ObjectChange): string =>
  'name' in c.ref ? c.ref.name : 'routeConfig' in c.ref ? c.ref.routeConfig : c.ref.cluster;

/** Names of the dynamic resources of a section whose count of a golden fact differs between two raw dumps. */
function objectsHoldingFacts(section: string, facts: GoldenFact[]): string[] {
  const resources = (file: string): Map<string, JsonValue> => {
    const map = new Map<string, JsonValue>();
    const root = readJson(`${GOLDEN}/${file}`) as { configs: Record<string, JsonValue>[] };
    for (const cfg of root.configs) {
      for (const [k, list] of Object.entries(cfg)) {
        if (!/^dynamic/i.test(k) || !Array.isArray(list)) continue;
        for (const entry of list as Record<string, JsonValue>[]) {
          const inner = Object.entries(entry).find(([ik]) => !/version|last/i.test(ik))?.[1] as
            Record<string, JsonValue> | undefined;
          const name = inner?.name;
          if (typeof name === 'string' && `${section}` === sectionOf(String(cfg['@type'])))
            map.set(name, inner!);
        }
      }
    }
    return map;
  };
  const pilot = resources('pilotconfigdump.json');
  const envoy = resources('diffenvoyconfigdump.json');
  const count = (v: JsonValue | undefined, f: GoldenFact): number =>
    leaves(v).filter((l) => l.value === f.value && matchesFact(l.keys, f)).length;
  return [...pilot.keys()].filter((name) =>
    facts.some((f) => count(pilot.get(name), f) !== count(envoy.get(name), f)),
  );
}
const sectionOf = (type: string): string =>
  /Clusters/.test(type)
    ? 'clusters'
    : /Listeners/.test(type)
      ? 'listeners'
      : /Routes/.test(type)
        ? 'routes'
        : '';

describeFixtures('meshlens diff on istioctl proxy-status compare fixtures', () => {
  it('pilotconfigdump.json vs envoyconfigdump.json: no differences, exit 0 (istioctl: all match)', () => {
    const out: string[] = [];
    const code = runDiff(
      goldenPath('pilotconfigdump.json'),
      goldenPath('envoyconfigdump.json'),
      {},
      (s) => out.push(s),
    );
    expect(code).toBe(0);
    expect(out.join('\n')).toContain('No differences.');
  });

  it('pilotconfigdump.json vs diffenvoyconfigdump.json: exactly the objects and fields of clusterdiff/listenerdiff/routediff', () => {
    const out: string[] = [];
    const code = runDiff(
      goldenPath('pilotconfigdump.json'),
      goldenPath('diffenvoyconfigdump.json'),
      { json: true },
      (s) => out.push(s),
    );
    expect(code).toBe(1);
    const diff = JSON.parse(out.join('\n')) as DumpDiff;
    const seen = new Set<ObjectChange>();
    for (const [file, { section, kinds }] of Object.entries(GOLDEN_KINDS)) {
      const facts = readGolden(file);
      expect(facts.length, file).toBeGreaterThan(0);
      const changes = diff.changes.filter((c) => (kinds as readonly string[]).includes(c.kind));
      changes.forEach((c) => seen.add(c));
      // Same objects as istioctl's diff ...
      expect([...new Set(changes.map(owner))].sort(), file).toEqual(
        objectsHoldingFacts(section, facts).sort(),
      );
      for (const side of ['-', '+'] as const) {
        const expected = facts.filter((f) => f.side === side);
        const got = reportedLeaves(changes, side);
        // ... and the same changed values, no more, no fewer, under the same keys.
        expect(got.length, `${file} ${side}`).toBe(expected.length);
        for (const f of expected)
          expect(
            got.some((g) => g.value === f.value && matchesFact(g.keys, f)),
            `${file}: ${side}${f.enclosing.join('.')}.${f.key ?? '[]'} = ${JSON.stringify(f.value)}`,
          ).toBe(true);
      }
    }
    expect(seen.size).toBe(diff.changes.length);
  });
});

const dumpFiles = [
  ...listFixtureFiles('config-dumps'),
  ...listFixtureFiles('istioctl-golden'),
].filter(
  (f) => /\.(json|yaml)$/.test(f) && parseConfigDump(readFileSync(fixture(f)), { fileName: f }).ok,
);
const jsonDumps = dumpFiles.filter((f) => {
  try {
    JSON.parse(readFileSync(fixture(f), 'utf8'));
    return true;
  } catch {
    return false;
  }
});

/** Lists whose order Envoy acts on (written here from Envoy's docs, not taken from the engine). */
const ORDER_MATTERS = new Set(
  [
    'filters',
    'http_filters',
    'listener_filters',
    'routes',
    'transport_socket_matches',
    'alpn_protocols',
    'cipher_suites',
    'ecdh_curves',
    'access_log',
    'request_headers_to_add',
    'response_headers_to_add',
    'request_headers_to_remove',
    'response_headers_to_remove',
    'upstream_http_filters',
    'retry_host_predicate',
    'signature_algorithms',
    'matchers',
  ].flatMap((k) => [k, camel(k)]),
);

type Rand = () => number;
function mulberry32(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function shuffled<T>(list: T[], rand: Rand): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** A copy with every object's keys shuffled and every list whose order Envoy ignores reordered. */
function reorder(v: JsonValue, rand: Rand, key = ''): JsonValue {
  if (Array.isArray(v)) {
    const items = v.map((x) => reorder(x, rand));
    return ORDER_MATTERS.has(key) ? items : shuffled(items, rand);
  }
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, JsonValue> = {};
  for (const k of shuffled(Object.keys(v), rand)) out[k] = reorder(v[k]!, rand, k);
  return out;
}

/** A copy with proto field names (lower snake_case) in camelCase. */
function camelCopy(v: JsonValue): JsonValue {
  if (Array.isArray(v)) return v.map(camelCopy);
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(
    Object.entries(v).map(([k, x]) => [
      /^[a-z][a-z0-9]*(_[a-z0-9]+)+$/.test(k) ? camel(k) : k,
      camelCopy(x),
    ]),
  );
}

describeFixtures('semantic diff invariances on every fixture dump', () => {
  it('a dump against itself, a key-shuffled / list-reordered copy and a camelCase copy: no differences', () => {
    expect(jsonDumps.length).toBeGreaterThan(20);
    for (const f of jsonDumps) {
      const text = readFileSync(fixture(f), 'utf8');
      const raw = JSON.parse(text) as JsonValue;
      const dump = parse(text, f);
      expect(diffDumps(dump, parse(text, f)).changes, `${f} vs itself`).toEqual([]);
      expect(
        diffDumps(dump, parse(JSON.stringify(reorder(raw, mulberry32(7))), f)).changes,
        `${f} reordered`,
      ).toEqual([]);
      expect(
        diffDumps(dump, parse(JSON.stringify(camelCopy(raw)), f)).changes,
        `${f} camelCase`,
      ).toEqual([]);
    }
  });

  it('property: random reorderings of a real dump never produce differences', () => {
    const parsed = jsonDumps.map((f) => ({
      f,
      raw: JSON.parse(readFileSync(fixture(f), 'utf8')) as JsonValue,
      dump: parse(readFileSync(fixture(f)), f),
    }));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: parsed.length - 1 }), fc.integer(), (i, seed) => {
        const { f, raw, dump } = parsed[i]!;
        const copy = parse(JSON.stringify(reorder(raw, mulberry32(seed))), f);
        expect(diffDumps(dump, copy).changes).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('a seeded change (one cluster timeout, one dropped route, one added endpoint) is reported as exactly those three', () => {
    const file = 'config-dumps/istio13-ingressgateway-v2alpha.json';
    const raw = readJson(file) as { configs: Record<string, JsonValue>[] };
    const copy = JSON.parse(JSON.stringify(raw)) as typeof raw;
    const section = (t: string) => copy.configs.find((c) => String(c['@type']).endsWith(`.${t}`))!;
    type Obj = Record<string, JsonValue>;
    const clusters = section('ClustersConfigDump');
    const dyn = (clusters.dynamic_active_clusters as Obj[])[3]!.cluster as Obj;
    dyn.connect_timeout = '7s';
    const zipkin = (clusters.static_clusters as Obj[])
      .map((c) => c.cluster as Obj)
      .find((c) => c.name === 'zipkin')!;
    (zipkin.hosts as Obj[]).push({ socket_address: { address: '10.9.9.9', port_value: 9411 } });
    const rc = (section('RoutesConfigDump').dynamic_route_configs as Obj[])
      .map((r) => r.route_config as Obj)
      .find((r) => r.name === 'http.80')!;
    const vh = (rc.virtual_hosts as Obj[]).find((v) => v.name === '*:80')!;
    const dropped = (vh.routes as Obj[]).splice(2, 1)[0]!;

    const diff = diffDumps(parse(JSON.stringify(raw), file), parse(JSON.stringify(copy), file));
    expect(
      diff.changes.map((c) => [c.kind, c.status, c.fields.map((f) => [f.path, f.before, f.after])]),
    ).toEqual([
      ['route', 'removed', []],
      ['cluster', 'changed', [['connectTimeout', '10s', '7s']]],
      ['endpoint', 'added', []],
    ]);
    expect(diff.changes[0]!.before).toEqual(dropped);
    expect(diff.changes[1]!.id).toBe(dyn.name);
    expect(diff.changes[2]!.id).toBe('zipkin 10.9.9.9:9411');
  });
});
