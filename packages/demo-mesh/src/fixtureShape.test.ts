// Compares the generated dumps with real Istio v3 captures, field by field: where both use the same
// field of the same resource type, it must hold the same kind of JSON value (a number is not a
// string, a list is not an object), and every field name must be Envoy's snake_case.
import { readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { describeFixtures, fixture } from '../../../tests/conformance/fixtures';
import { generateDemoMesh } from './generateDemoMesh';

const REAL_V3_DUMPS = [
  'config-dumps/istio-sidecar-v3-lds-cds-rds-partial.json',
  'config-dumps/istio-sidecar-v3-listeners-only.yaml',
  'istioctl-golden/pc-all-waypoint-istio121/config_dump.json',
  'istioctl-golden/pc-secret-v3/istio/config_dump.json',
  'istioctl-golden/pc-bootstrap-v3/configdump.json',
  'istioctl-golden/pc-routes-gateway-v3/istio-gateway-http-route-prefix/configdump.json',
];

type Kind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';
const kindOf = (v: unknown): Kind =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : (typeof v as Kind);

/**
 * Fields whose keys are data, not schema (Struct maps, labels, extension names): not walked.
 * Matched against the end of the path.
 */
const OPAQUE = [
  /(^|\.)filter_metadata$/,
  /(^|\.)typed_filter_metadata$/,
  /(^|\.)node\.metadata$/,
  /(^|\.)user_agent_build_version\.metadata$/,
  /(^|\.)typed_extension_protocol_options$/,
  /(^|\.)static_layer$/,
  /transport_socket_matches\[\]\.match$/,
  /(^|\.)policies$/,
  /^value$/, // TypedStruct payloads
];

interface Shape {
  /** `<nearest @type>:<path below it>` -> kinds seen. */
  kinds: Map<string, Set<Kind>>;
  badKeys: Set<string>;
}

function walk(value: unknown, shape: Shape, ctx = 'root', path = ''): void {
  const kind = kindOf(value);
  const signature = `${ctx}:${path}`;
  const kinds = shape.kinds.get(signature) ?? new Set<Kind>();
  kinds.add(kind);
  shape.kinds.set(signature, kinds);
  if (OPAQUE.some((re) => re.test(path))) return;
  if (Array.isArray(value)) {
    for (const item of value) walk(item, shape, ctx, `${path}[]`);
    return;
  }
  if (kind !== 'object') return;
  const obj = value as Record<string, unknown>;
  const typeUrl = obj['@type'];
  // A typed object starts a new context: shapes are compared per protobuf message type.
  const [innerCtx, base] =
    typeof typeUrl === 'string' ? [typeUrl.split(/[/.]/).pop() ?? typeUrl, ''] : [ctx, path];
  for (const [key, child] of Object.entries(obj)) {
    if (key !== '@type' && !/^[a-z][a-z0-9_]*$/.test(key))
      shape.badKeys.add(`${innerCtx}:${base}.${key}`);
    walk(child, shape, innerCtx, base ? `${base}.${key}` : key);
  }
}

describeFixtures('demo-mesh dumps have the shape of real Istio v3 dumps', () => {
  const real: Shape = { kinds: new Map(), badKeys: new Set() };
  const generated: Shape = { kinds: new Map(), badKeys: new Set() };
  const mesh = generateDemoMesh();
  beforeAll(() => {
    for (const file of REAL_V3_DUMPS) walk(JSON.parse(readFileSync(fixture(file), 'utf8')), real);
    for (const proxy of mesh.proxies) walk(proxy.dump, generated);
  });

  it('uses the same value kinds as the real dumps for every field both have', () => {
    const shared = [...generated.kinds.keys()].filter((k) => real.kinds.has(k));
    // Enough overlap that this comparison means something (listeners, clusters, routes, EDS, SDS, bootstrap).
    expect(shared.length).toBeGreaterThan(300);
    for (const prefix of [
      'Listener:',
      'Cluster:',
      'RouteConfiguration:',
      'ClusterLoadAssignment:',
      'Secret:',
      'HttpConnectionManager:',
      'BootstrapConfigDump:',
    ]) {
      expect(shared.filter((k) => k.startsWith(prefix)).length, prefix).toBeGreaterThan(2);
    }
    const mismatches = shared.flatMap((k) => {
      const r = real.kinds.get(k) ?? new Set<Kind>();
      const g = [...(generated.kinds.get(k) ?? [])];
      return g.every((kind) => r.has(kind))
        ? []
        : [`${k}: generated ${g.join('|')}, real ${[...r].join('|')}`];
    });
    expect(mismatches).toEqual([]);
  });

  it('writes every field name in snake_case, as Envoy does', () => {
    expect([...generated.badKeys].join('\n')).toBe('');
    // The walker does catch camelCase.
    const probe: Shape = { kinds: new Map(), badKeys: new Set() };
    walk({ '@type': 'x/Cluster', connectTimeout: '1s' }, probe);
    expect([...probe.badKeys]).toEqual(['Cluster:.connectTimeout']);
  });

  it('has the admin sections of a real `?include_eds` dump, in the same order', () => {
    const waypoint = JSON.parse(readFileSync(fixture(REAL_V3_DUMPS[2] ?? ''), 'utf8')) as {
      configs: { '@type': string }[];
    };
    const expected = waypoint.configs.map((c) => c['@type']);
    for (const proxy of mesh.proxies) {
      const configs = proxy.dump.configs as { '@type': string }[];
      expect(configs.map((c) => c['@type'])).toEqual(expected);
    }
  });
});
