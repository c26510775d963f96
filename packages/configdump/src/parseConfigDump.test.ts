import { gzipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { formatDumpError } from './formatDumpError';
import type { ConfigDump, DumpError, JsonObject, JsonValue } from './model';
import { parseConfigDump } from './parseConfigDump';

const V3 = 'type.googleapis.com/envoy.admin.v3.';
const V2 = 'type.googleapis.com/envoy.admin.v2alpha.';

function ok(input: string | Uint8Array): ConfigDump {
  const r = parseConfigDump(input);
  if (!r.ok) throw new Error(`expected a dump, got ${formatDumpError(r.error)}`);
  return r.dump;
}
function fail(input: string | Uint8Array): DumpError {
  const r = parseConfigDump(input);
  if (r.ok) throw new Error('expected an error');
  return r.error;
}

const cluster = (name: string): JsonObject => ({ name, type: 'EDS' });
const dump = (...configs: JsonObject[]): string => JSON.stringify({ configs });

describe('parseConfigDump input handling', () => {
  it('reports empty input', () => {
    expect(fail('').code).toBe('empty');
    expect(fail('  \n\t ').code).toBe('empty');
    expect(fail(new Uint8Array()).code).toBe('empty');
    expect(fail('# only a comment\n---\n').code).toBe('empty');
    // A literal null is a value, just not a dump.
    expect(fail('null')).toMatchObject({ code: 'not_a_config_dump', found: 'null' });
  });

  it('reads JSON text, bytes and gzip bytes alike', () => {
    const text = dump({
      '@type': `${V3}ClustersConfigDump`,
      static_clusters: [{ cluster: cluster('a') }],
    });
    const fromText = ok(text);
    const fromBytes = ok(strToU8(text));
    const fromGzip = ok(gzipSync(strToU8(text)));
    expect(fromText.clusters.map((c) => c.name)).toEqual(['a']);
    expect(fromBytes.clusters.map((c) => c.name)).toEqual(['a']);
    expect(fromGzip.clusters.map((c) => c.name)).toEqual(['a']);
    expect(fromGzip.source).toMatchObject({ gzip: true, format: 'json', bytes: text.length });
    expect(fromText.source.gzip).toBe(false);
  });

  it('reports corrupt gzip', () => {
    const gz = gzipSync(strToU8('{"configs": []}'));
    expect(fail(gz.subarray(0, gz.length - 6)).code).toBe('gzip');
    expect(fail(new Uint8Array([0x1f, 0x8b, 1, 2, 3])).code).toBe('gzip');
  });

  it('reads YAML', () => {
    const d = ok(
      [
        'configs:',
        `- '@type': ${V3}RoutesConfigDump`,
        '  dynamic_route_configs:',
        '  - route_config:',
        '      name: http.80',
        '      virtual_hosts: []',
      ].join('\n'),
    );
    expect(d.source.format).toBe('yaml');
    expect(d.routeConfigs.map((r) => r.name)).toEqual(['http.80']);
  });

  it('reports invalid JSON with 1-based line and column', () => {
    const e = fail('{\n  "configs": [\n    {"@type" 1}\n  ]\n}');
    expect(e).toMatchObject({ code: 'invalid_json', line: 3, column: 14 });
    expect(formatDumpError(e)).toMatch(/^invalid JSON at line 3, column 14: /);
    expect(fail('{"configs": [').code).toBe('invalid_json');
  });

  it('reports invalid YAML with line and column', () => {
    const e = fail('configs:\n  - a: 1\n   b: [\n');
    expect(e.code).toBe('invalid_yaml');
    expect(e.line).toBeGreaterThanOrEqual(2);
    expect(e.column).toBeGreaterThanOrEqual(1);
    // The position is in line/column, not repeated in the message.
    expect(e.message).not.toMatch(/at line \d+/);
  });

  it('says what it expected and what it found for JSON that is not a dump', () => {
    const e = fail('{"foo": 1, "bar": 2}');
    expect(e.code).toBe('not_a_config_dump');
    expect(e.expected).toMatch(/`configs` array/);
    expect(e.found).toBe('an object with keys foo, bar');
    expect(fail('42')).toMatchObject({ code: 'not_a_config_dump', found: 'a number' });
    expect(fail('[1, 2]').found).toBe('an array of 2 values');
    expect(fail('"text"').code).toBe('not_a_config_dump');
  });

  it('rejects input over maxBytes', () => {
    const r = parseConfigDump(dump(), { maxBytes: 5 });
    expect(r.ok ? undefined : r.error.code).toBe('too_large');
  });

  it('reports progress up to 1', () => {
    const seen: number[] = [];
    parseConfigDump(dump({ '@type': `${V3}ClustersConfigDump` }), {
      onProgress: (f) => seen.push(f),
    });
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen[seen.length - 1]).toBe(1);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });
});

describe('parseConfigDump shapes and versions', () => {
  it('reads v2 listener lists and v3 dynamic_listeners states', () => {
    const v2 = ok(
      dump({
        '@type': `${V2}ListenersConfigDump`,
        dynamic_active_listeners: [{ listener: { name: 'a' } }],
        dynamic_warming_listeners: [{ listener: { name: 'b' } }],
        dynamic_draining_listeners: [{ listener: { name: 'c' } }],
      }),
    );
    expect(v2.listeners.map((l) => [l.name, l.state])).toEqual([
      ['a', 'active'],
      ['b', 'warming'],
      ['c', 'draining'],
    ]);
    expect(v2.source.apiVersion).toBe('v2');
    const v3 = ok(
      dump({
        '@type': `${V3}ListenersConfigDump`,
        dynamic_listeners: [
          {
            name: 'x',
            active_state: { version_info: '7', listener: { name: 'x' } },
            warming_state: { listener: { name: 'x' } },
          },
          { name: 'y', error_state: { details: 'bad port', failed_configuration: { name: 'y' } } },
        ],
      }),
    );
    expect(v3.listeners.map((l) => [l.name, l.state])).toEqual([
      ['x', 'active'],
      ['x', 'warming'],
      ['y', 'error'],
    ]);
    expect(v3.listeners[0]?.versionInfo).toBe('7');
    expect(v3.listeners[2]?.errorDetails).toBe('bad port');
    expect(v3.index.listenerByName.get('x')?.state).toBe('active');
  });

  it('detects the hybrid of v3 admin wrappers and v2 resources', () => {
    const d = ok(
      dump({
        '@type': `${V3}ClustersConfigDump`,
        static_clusters: [
          { cluster: { '@type': 'type.googleapis.com/envoy.api.v2.Cluster', name: 'a' } },
        ],
      }),
    );
    expect(d.source.apiVersion).toBe('hybrid');
  });

  it('reads snake_case and camelCase dumps into the same model', () => {
    const snake = {
      configs: [
        {
          '@type': `${V2}ClustersConfigDump`,
          version_info: '1',
          dynamic_active_clusters: [
            {
              version_info: '1',
              cluster: {
                name: 'outbound|80||a.b',
                type: 'EDS',
                eds_cluster_config: { service_name: 'outbound|80||a.b' },
                connect_timeout: '1s',
              },
            },
          ],
        },
      ],
    };
    const camel = {
      configs: [
        {
          '@type': `${V2}ClustersConfigDump`,
          versionInfo: '1',
          dynamicActiveClusters: [
            {
              versionInfo: '1',
              cluster: {
                name: 'outbound|80||a.b',
                type: 'EDS',
                edsClusterConfig: { serviceName: 'outbound|80||a.b' },
                connectTimeout: '1s',
              },
            },
          ],
        },
      ],
    };
    const a = ok(JSON.stringify(snake)).clusters[0]!;
    const b = ok(JSON.stringify(camel)).clusters[0]!;
    expect({ ...a, raw: null }).toEqual({ ...b, raw: null });
    expect(a.edsServiceName).toBe('outbound|80||a.b');
    expect(b.raw).toEqual(camel.configs[0]!.dynamicActiveClusters[0]!.cluster);
  });

  it('keeps the original objects as raw', () => {
    const input = dump({
      '@type': `${V3}ClustersConfigDump`,
      static_clusters: [{ cluster: cluster('a') }],
    });
    const d = ok(input);
    expect(d.clusters[0]?.raw).toEqual(cluster('a'));
  });

  it('reads a bare resource list and classifies items without @type', () => {
    const d = ok(
      JSON.stringify([
        cluster('a'),
        { name: 'l', filterChains: [] },
        { name: 'r', virtualHosts: [] },
      ]),
    );
    expect(d.source.shape).toBe('resource-list');
    expect(d.clusters.map((c) => c.name)).toEqual(['a']);
    expect(d.listeners.map((c) => c.name)).toEqual(['l']);
    expect(d.routeConfigs.map((c) => c.name)).toEqual(['r']);
    expect(d.sections).toEqual(['clusters', 'listeners', 'routes']);
  });

  it('reads one admin section object', () => {
    const d = ok(
      JSON.stringify({
        '@type': `${V3}ClustersConfigDump`,
        static_clusters: [{ cluster: cluster('a') }],
      }),
    );
    expect(d.source.shape).toBe('single-section');
    expect(d.sections).toEqual(['clusters']);
  });

  it('reads admin /clusters with health and outlier status', () => {
    const d = ok(
      JSON.stringify({
        cluster_statuses: [
          {
            name: 'c',
            host_statuses: [
              {
                address: { socket_address: { address: '1.1.1.1', port_value: 1 } },
                health_status: { eds_health_status: 'HEALTHY' },
              },
              {
                address: { socket_address: { address: '1.1.1.2', port_value: 1 } },
                health_status: { eds_health_status: 'HEALTHY', failed_outlier_check: true },
              },
              {
                address: { socket_address: { address: '1.1.1.3', port_value: 1 } },
                health_status: { eds_health_status: 'HEALTHY', failed_active_health_check: true },
              },
              { address: { pipe: { path: '/s' } }, healthStatus: { edsHealthStatus: 'UNHEALTHY' } },
            ],
          },
        ],
      }),
    );
    expect(d.source.shape).toBe('admin-clusters');
    const eps = d.endpoints[0]!.endpoints;
    expect(eps.map((e) => [e.healthStatus, e.outlierCheck])).toEqual([
      ['HEALTHY', 'OK'],
      ['HEALTHY', 'FAILED'],
      ['UNHEALTHY', 'OK'],
      ['UNHEALTHY', 'OK'],
    ]);
    expect(d.index.endpointsByCluster.get('c')?.source).toBe('admin-clusters');
  });

  it('unwraps egctl per-pod output', () => {
    const d = ok(
      JSON.stringify({
        ns: {
          pod: { '@type': `${V3}ClustersConfigDump`, staticClusters: [{ cluster: cluster('a') }] },
        },
      }),
    );
    expect(d.clusters.map((c) => c.name)).toEqual(['a']);
  });
});

describe('parseConfigDump resilience', () => {
  it('warns about an unknown section @type and reads the rest', () => {
    const d = ok(
      dump(
        { '@type': `${V3}SomethingNewConfigDump`, things: [] },
        { '@type': `${V3}ClustersConfigDump`, static_clusters: [{ cluster: cluster('a') }] },
      ),
    );
    expect(d.warnings.map((w) => [w.code, w.path])).toEqual([['unknown_type', 'configs[0]']]);
    expect(d.clusters).toHaveLength(1);
  });

  it('warns about malformed entries and keeps the good ones', () => {
    const d = ok(
      dump({
        '@type': `${V3}ClustersConfigDump`,
        static_clusters: [
          { cluster: cluster('a') },
          7,
          { cluster: 'nope' },
          { cluster: cluster('b') },
        ],
        dynamic_active_clusters: 'not a list',
      }),
    );
    expect(d.clusters.map((c) => c.name)).toEqual(['a', 'b']);
    expect(d.warnings.map((w) => [w.code, w.path])).toEqual([
      ['malformed_resource', 'configs[0].static_clusters[1]'],
      ['malformed_resource', 'configs[0].static_clusters[2]'],
      ['malformed_resource', 'configs[0].dynamic_active_clusters'],
    ]);
  });

  it('never throws on odd values in resources', () => {
    const odd: JsonValue[] = [null, 1, 'x', [], {}, [null], { value: null }];
    for (const v of odd) {
      const text = dump({
        '@type': `${V3}ListenersConfigDump`,
        dynamic_listeners: [
          {
            name: 'l',
            active_state: {
              listener: {
                name: v,
                address: v,
                filter_chains: [
                  {
                    filters: [
                      {
                        name: 'envoy.filters.network.http_connection_manager',
                        typed_config: { rds: v, route_config: v, http_filters: v },
                      },
                    ],
                  },
                  v,
                ],
                listener_filters: v,
              },
            },
          },
        ],
      });
      expect(() => parseConfigDump(text)).not.toThrow();
      expect(parseConfigDump(text).ok).toBe(true);
    }
  });
});
