import { parseConfigDump, type ConfigDump } from '@meshlens/configdump';
import { describe, expect, it } from 'vitest';
import { diffDumps } from './diffDumps';
import { formatDumpDiff } from './formatDumpDiff';
import { parseDiffKinds } from './parseDiffKinds';

const dump = (
  clusters: object[],
  eps: Record<string, string[]> = {},
  listeners: object[] = [],
): ConfigDump => {
  const r = parseConfigDump(
    JSON.stringify({
      configs: [
        {
          '@type': 'type.googleapis.com/envoy.admin.v3.ListenersConfigDump',
          dynamic_listeners: listeners.map((l) => ({
            name: (l as { name: string }).name,
            active_state: { listener: l },
          })),
        },
        {
          '@type': 'type.googleapis.com/envoy.admin.v3.ClustersConfigDump',
          dynamic_active_clusters: clusters.map((cluster) => ({ cluster })),
        },
        {
          '@type': 'type.googleapis.com/envoy.admin.v3.EndpointsConfigDump',
          dynamic_endpoint_configs: Object.entries(eps).map(([cluster_name, ips]) => ({
            endpoint_config: {
              cluster_name,
              endpoints: [
                {
                  lb_endpoints: ips.map((ip) => ({
                    endpoint: { address: { socket_address: { address: ip, port_value: 80 } } },
                  })),
                },
              ],
            },
          })),
        },
      ],
    }),
  );
  if (!r.ok) throw new Error(r.error.message);
  return r.dump;
};

describe('diffDumps', () => {
  it('reports added, removed and changed objects by identity, in kind then name order', () => {
    const a = dump(
      [
        { name: 'b', connect_timeout: '1s' },
        { name: 'a', connect_timeout: '1s' },
      ],
      { b: ['10.0.0.1', '10.0.0.2'] },
      [{ name: 'l', address: { socket_address: { address: '0.0.0.0', port_value: 80 } } }],
    );
    const b = dump(
      [
        { name: 'c', connect_timeout: '1s' },
        { name: 'b', connect_timeout: '2s' },
      ],
      { b: ['10.0.0.2', '10.0.0.3'] },
      [{ name: 'l', address: { socket_address: { address: '0.0.0.0', port_value: 80 } } }],
    );
    const diff = diffDumps(a, b);
    expect(diff.identical).toBe(false);
    expect(diff.changes.map((c) => [c.kind, c.id, c.status, c.fields.map((f) => f.path)])).toEqual([
      ['cluster', 'a', 'removed', []],
      ['cluster', 'b', 'changed', ['connectTimeout']],
      ['cluster', 'c', 'added', []],
      ['endpoint', 'b 10.0.0.1:80', 'removed', []],
      ['endpoint', 'b 10.0.0.3:80', 'added', []],
    ]);
    expect(diff.compared.cluster).toBe(3);
    expect(diffDumps(a, b, { kinds: ['endpoint'] }).changes).toHaveLength(2);
    expect(diffDumps(a, a).identical).toBe(true);
  });

  it('formats a readable text report grouped by kind', () => {
    const text = formatDumpDiff(
      diffDumps(
        dump([{ name: 'a', connect_timeout: '1s' }]),
        dump([{ name: 'a', connect_timeout: '5s' }]),
      ),
      ['x.json', 'y.json'],
    );
    expect(text.split('\n')).toEqual([
      '--- x.json',
      '+++ y.json',
      '',
      'Clusters (1 of 1 differ)',
      '~ a',
      '    ~ connectTimeout: "1s" -> "5s"',
      '',
      '1 object differs.',
    ]);
  });

  it('parses --only lists and rejects unknown words', () => {
    expect(parseDiffKinds('clusters, listeners')).toEqual({
      ok: true,
      kinds: ['listener', 'cluster'],
    });
    expect(parseDiffKinds('routes')).toEqual({
      ok: true,
      kinds: ['route_config', 'virtual_host', 'route'],
    });
    const bad = parseDiffKinds('clusterz');
    expect(bad.ok).toBe(false);
  });
});
