import { readFileSync } from 'node:fs';
import { type ConfigDump, parseConfigDump } from '@meshlens/configdump';
import { generateDemoMesh } from '@meshlens/demo-mesh';
import { buildProxyGraph, type ProxyGraph } from '@meshlens/proxy-graph';
import { parseRequestLine, traceDump, type RequestLineOptions } from '@meshlens/tracer';
import { describe, expect, it } from 'vitest';
import { describeFixtures, fixture } from '../../../../tests/conformance/fixtures';
import { tracePathNodeIds } from './tracePathNodeIds';

function parse(text: string | Uint8Array): ConfigDump {
  const r = parseConfigDump(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.dump;
}

function trace(dump: ConfigDump, line: string, options: RequestLineOptions = {}): string[] {
  const r = parseRequestLine(line, options);
  if (!r.ok) throw new Error(r.error.message);
  return tracePathNodeIds(traceDump(dump, r.input));
}

/** Every id is drawn, and each id up to the target is joined to the next by a graph edge. */
function expectDrawnPath(graph: ProxyGraph, ids: string[], chainLength: number): void {
  const nodes = new Set(graph.nodes.map((n) => n.id));
  const edges = new Set(graph.edges.map((e) => e.id));
  for (const id of ids) expect(nodes, `node ${id} is drawn`).toContain(id);
  for (let i = 0; i + 1 < chainLength; i++)
    expect(edges, `edge ${ids[i]} -> ${ids[i + 1]}`).toContain(`${ids[i]}->${ids[i + 1]}`);
}

describe('tracePathNodeIds on the demo productpage sidecar', () => {
  const proxy = generateDemoMesh().proxies.find((p) => p.app === 'productpage');
  if (!proxy) throw new Error('no productpage proxy in the demo mesh');
  const dump = parse(JSON.stringify(proxy.dump));
  const graph = buildProxyGraph(dump, { aggregateThreshold: Number.POSITIVE_INFINITY });

  it('jason: listener -> chain -> "9080" -> reviews vhost -> route -> v2 cluster -> endpoint', () => {
    const ids = trace(dump, 'GET http://reviews:9080/reviews/1', { headers: ['end-user: jason'] });
    expect(ids.slice(0, 3)).toEqual(['listener:0.0.0.0_9080', 'chain:0.0.0.0_9080#0', 'rc:9080']);
    const cluster = ids.find((id) => id.startsWith('cluster:'));
    expect(cluster).toMatch(/^cluster:outbound\|9080\|v2\|reviews\./);
    expect(ids.filter((id) => id.startsWith('ep:')).length).toBeGreaterThan(0);
    expectDrawnPath(graph, ids, ids.indexOf(cluster ?? '') + 1);
  });

  it('no random value: both branches of the v1/v3 split and their endpoints are on the path', () => {
    const ids = trace(dump, 'GET http://reviews:9080/reviews/1');
    const clusters = ids.filter((id) => id.startsWith('cluster:'));
    expect(clusters).toHaveLength(2);
    expect(clusters.join(' ')).toMatch(/\|v1\|.*\|v3\|/);
    const route = ids.find((id) => id.startsWith('route:')) ?? '';
    const edges = new Set(graph.edges.map((e) => e.id));
    for (const c of clusters) expect(edges).toContain(`${route}->${c}`);
    expectDrawnPath(graph, ids, 5);
  });

  it('a refused connection has no path', () => {
    expect(trace(dump, 'GET http://10.1.2.3:1/', { direction: 'direct' })).toEqual([]);
  });
});

describe('tracePathNodeIds on hand-written listeners', () => {
  // A minimal v3 dump: one listener answering from an inline, nameless route configuration.
  const dump = parse(
    JSON.stringify({
      configs: [
        {
          '@type': 'type.googleapis.com/envoy.admin.v3.ListenersConfigDump',
          static_listeners: [
            {
              listener: {
                name: 'edge',
                address: { socket_address: { address: '0.0.0.0', port_value: 8080 } },
                filter_chains: [
                  {
                    filters: [
                      {
                        name: 'envoy.filters.network.http_connection_manager',
                        typed_config: {
                          '@type':
                            'type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager',
                          stat_prefix: 'edge',
                          route_config: {
                            virtual_hosts: [
                              {
                                name: 'all',
                                domains: ['*'],
                                routes: [
                                  {
                                    match: { prefix: '/old' },
                                    redirect: { path_redirect: '/new' },
                                  },
                                  {
                                    match: { prefix: '/' },
                                    direct_response: { status: 418 },
                                  },
                                ],
                              },
                            ],
                          },
                        },
                      },
                    ],
                  },
                ],
              },
            },
          ],
        },
      ],
    }),
  );
  const graph = buildProxyGraph(dump);

  it('a redirect ends at the redirect node of the inline route configuration', () => {
    const ids = trace(dump, 'GET http://example.com:8080/old', { direction: 'direct' });
    expect(ids[2]).toBe('rc:edge#0 inline');
    expect(ids[ids.length - 1]).toMatch(/^term:/);
    expectDrawnPath(graph, ids, ids.length);
  });

  it('a direct response ends at its own node', () => {
    const ids = trace(dump, 'GET http://example.com:8080/x', { direction: 'direct' });
    expect(ids[ids.length - 1]).toBe('term:418 direct');
    expectDrawnPath(graph, ids, ids.length);
  });
});

describeFixtures('tracePathNodeIds on real captures', () => {
  it('istio 1.3 gateway: a nameless listener and its nameless inline route configuration', () => {
    const dump = parse(
      readFileSync(fixture('config-dumps', 'istio13-ingressgateway-v2alpha.json')),
    );
    const graph = buildProxyGraph(dump, { aggregateThreshold: Number.POSITIVE_INFINITY });
    const ids = trace(dump, 'GET http://10.0.0.1:15090/stats/prometheus');
    expect(ids[0]).toBe('listener:0.0.0.0:15090');
    expect(ids).toContain('cluster:prometheus_stats');
    expectDrawnPath(graph, ids, ids.indexOf('cluster:prometheus_stats') + 1);
    expect(ids[ids.length - 1]).toBe('ep:prometheus_stats/127.0.0.1:15000');
  });

  it('istio 1.3 gateway: a TCP proxy goes listener -> chain -> cluster', () => {
    const dump = parse(
      readFileSync(fixture('config-dumps', 'istio13-ingressgateway-v2alpha.json')),
    );
    const graph = buildProxyGraph(dump, { aggregateThreshold: Number.POSITIVE_INFINITY });
    const ids = trace(dump, 'tcp://10.0.0.1:31400');
    expect(ids).toHaveLength(3);
    expect(ids[2]).toMatch(/^cluster:outbound\|9000\|v1\|tcp-echo/);
    expectDrawnPath(graph, ids, 3);
  });
});
