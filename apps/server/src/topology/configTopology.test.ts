import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoMeshSource } from '../sources/DemoMeshSource';
import type { MeshSource } from '../sources/MeshSource';
import { readConfigTopology } from './configTopology';
import { createConfigTopologyRouter } from './configTopologyRouter';
import { ProxySummaryCache } from './proxySummaryCache';

/** The same source, counting `getConfigDump` calls. */
function countDumpReads(source: MeshSource): { source: MeshSource; dumpsRead: () => number } {
  let n = 0;
  const counting: MeshSource = {
    listProxies: () => source.listProxies(),
    getConfigDump: (id) => {
      n++;
      return source.getConfigDump(id);
    },
    getIstiodConfigDump: (id) => source.getIstiodConfigDump(id),
    getClusterStatuses: (id) => source.getClusterStatuses(id),
    getServices: () => source.getServices(),
    getIstioConfig: () => source.getIstioConfig(),
    describe: () => source.describe(),
    close: () => source.close(),
  };
  return { source: counting, dumpsRead: () => n };
}

// The demo simulator over real HTTP (istiod debug port + one Envoy admin per proxy).
describe('readConfigTopology over the demo mesh source', () => {
  let source: DemoMeshSource;
  beforeAll(async () => {
    source = await DemoMeshSource.start();
  });
  afterAll(async () => {
    await source.close();
  });

  it('joins registry, config and every proxy dump into one graph', async () => {
    const { graph, problems } = await readConfigTopology(source);
    expect(problems).toEqual([]);
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    // From the registry and the proxies at once.
    const reviews = byId.get('svc:reviews.bookinfo.svc.cluster.local');
    expect(reviews?.sources).toContain('registry');
    expect(reviews?.sources).toContain('proxy');
    // configz: the Gateway binds the bookinfo VirtualService, which routes to productpage.
    const binds = graph.edges.filter(
      (e) => e.kind === 'binds' && e.target === 'vs:bookinfo/bookinfo',
    );
    expect(binds.map((e) => e.source).sort()).toEqual([
      'gw:bookinfo/bookinfo-gateway',
      'wl:istio-system/istio-ingressgateway',
    ]);
    // The reviews split as programmed in the sidecars (the demo's configz writes VirtualService
    // routes in the generator's flat shape, not Istio's route[].destination, so only proxies say so).
    const split = graph.edges.find(
      (e) =>
        e.kind === 'routes' &&
        e.source === 'vs:bookinfo/reviews' &&
        e.target === 'subset:reviews.bookinfo.svc.cluster.local|v3',
    );
    expect(split?.weight).toBe(50);
    expect(split?.origins.some((o) => o.startsWith('proxy:reviews-v'))).toBe(true);
    expect(graph.nodes.filter((n) => n.kind === 'workload')).toHaveLength(7);
  });

  it('above the dump limit, reads no dump: workloads come from the proxy list, labels from names', async () => {
    const full = await readConfigTopology(source);
    const { source: counting, dumpsRead } = countDumpReads(source);
    const listed = await readConfigTopology(counting, { dumpLimit: 0 });
    expect(dumpsRead()).toBe(0);
    expect(listed.proxies).toEqual({ total: 7, summarised: 0, dumpLimit: 0 });
    const workloads = (g: typeof full.graph) =>
      g.nodes.filter((n) => n.kind === 'workload').map((n) => `${n.id} ${n.version ?? ''}`);
    expect(workloads(listed.graph)).toEqual(workloads(full.graph));
    expect(listed.graph.nodes.find((n) => n.id === 'wl:bookinfo/reviews-v2')?.sources).toEqual([
      'proxyList',
    ]);
    // The Gateway selects the ingress gateway by its (inferred) `istio` label.
    expect(
      listed.graph.edges.some(
        (e) => e.kind === 'applies' && e.target === 'wl:istio-system/istio-ingressgateway',
      ),
    ).toBe(true);
  });

  it('summaries are cached: a second answer fetches no dump', async () => {
    const { source: counting, dumpsRead } = countDumpReads(source);
    const cache = new ProxySummaryCache(counting);
    const first = await readConfigTopology(counting, { cache });
    expect(dumpsRead()).toBe(7);
    const second = await readConfigTopology(counting, { cache });
    expect(dumpsRead()).toBe(7);
    expect(second.graph).toEqual(first.graph);
  });

  it('is served at /api/topology/config', async () => {
    const app = express();
    app.use(createConfigTopologyRouter({ source }));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    try {
      const res = await fetch(
        `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/topology/config`,
      );
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        graph: { nodes: { kind: string }[] };
        problems: string[];
      };
      expect(body.problems).toEqual([]);
      expect(body.graph.nodes.filter((n) => n.kind === 'virtualService')).toHaveLength(4);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
