import type { ConfigGraph } from '@meshlens/topology';
import { describe, expect, it } from 'vitest';
import { configBehind, edgeHost, proxyOfWorkload } from './configBehind';

const host = 'reviews.bookinfo.svc.cluster.local';
const graph: ConfigGraph = {
  warnings: [],
  namespaces: [],
  nodes: [
    {
      id: `svc:${host}`,
      kind: 'service',
      name: 'reviews',
      namespace: 'bookinfo',
      host,
      sources: ['registry'],
    },
    {
      id: `subset:${host}|v1`,
      kind: 'subset',
      name: 'v1',
      subset: 'v1',
      namespace: 'bookinfo',
      host,
      policies: ['tls'],
      sources: ['config'],
    },
    {
      id: `subset:${host}|v2`,
      kind: 'subset',
      name: 'v2',
      subset: 'v2',
      namespace: 'bookinfo',
      host,
      sources: ['config'],
    },
    {
      id: 'vs:bookinfo/reviews',
      kind: 'virtualService',
      name: 'reviews',
      namespace: 'bookinfo',
      sources: ['config'],
    },
    {
      id: 'vs:bookinfo/other',
      kind: 'virtualService',
      name: 'other',
      namespace: 'bookinfo',
      sources: ['config'],
    },
    {
      id: 'wl:bookinfo/productpage-v1',
      kind: 'workload',
      name: 'productpage-v1',
      namespace: 'bookinfo',
      sources: ['proxy'],
    },
  ],
  edges: [
    {
      id: 'r1',
      source: 'vs:bookinfo/reviews',
      target: `subset:${host}|v1`,
      kind: 'routes',
      weight: 80,
      route: 'http[0]',
      origins: ['configz'],
    },
    {
      id: 'r2',
      source: 'vs:bookinfo/reviews',
      target: `subset:${host}|v2`,
      kind: 'routes',
      weight: 20,
      route: 'http[0]',
      origins: ['configz'],
    },
    {
      id: 'r3',
      source: 'vs:bookinfo/other',
      target: 'svc:ratings.bookinfo.svc.cluster.local',
      kind: 'routes',
      origins: ['configz'],
    },
    {
      id: 'x',
      source: 'wl:bookinfo/productpage-v1',
      target: `svc:${host}`,
      kind: 'reaches',
      origins: ['proxy:productpage-v1-abc.bookinfo'],
    },
  ],
};

describe('configBehind', () => {
  it('finds the VirtualServices routing to a host or its subsets, with weights, and the DR subsets', () => {
    const c = configBehind(graph, host);
    expect(c.virtualServices.map((v) => v.name)).toEqual(['reviews']);
    expect(c.virtualServices[0]?.routes).toEqual([
      'http[0] -> subset v1 (80%)',
      'http[0] -> subset v2 (20%)',
    ]);
    expect(c.subsets).toEqual(['v1', 'v2']);
    expect(c.policies).toEqual(['tls']);
  });

  it('derives the destination host of an edge from either end', () => {
    expect(edgeHost('wl:bookinfo/productpage-v1', `svc:${host}`)).toBe(host);
    expect(edgeHost(`svc:${host}`, 'wl:bookinfo/reviews-v1')).toBe(host);
    expect(edgeHost('vs:bookinfo/reviews', `subset:${host}|v1`)).toBe(host);
    expect(edgeHost('wl:a/b', 'wl:a/c')).toBeUndefined();
  });

  it("finds a workload's proxy from the origins of its edges", () => {
    expect(proxyOfWorkload(graph, 'wl:bookinfo/productpage-v1')).toBe(
      'productpage-v1-abc.bookinfo',
    );
    expect(proxyOfWorkload(graph, 'wl:bookinfo/ghost')).toBeUndefined();
  });
});
