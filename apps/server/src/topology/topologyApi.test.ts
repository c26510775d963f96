// The topology endpoints inside the real server app (behind /api, its auth and its 404), over
// real HTTP: the demo mesh source for the config graph, and a local HTTP server speaking
// Prometheus's /api/v1/query (empty answers) for the traffic graph.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ConfigTopologyAnswer, TopologyStatus } from '@meshlens/topology';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../server/createServer';
import { DemoMeshSource } from '../sources/DemoMeshSource';
import { NO_PROMETHEUS } from './topologyApi';

const listen = async (server: http.Server): Promise<string> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

let source: DemoMeshSource;
let prom: http.Server;
let withProm: http.Server;
let without: http.Server;
let promQueries = 0;
let urls = { withProm: '', without: '' };

beforeAll(async () => {
  source = await DemoMeshSource.start();
  prom = http.createServer((_req, res) => {
    promQueries++;
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [] } }));
  });
  const promUrl = await listen(prom);
  withProm = http.createServer(
    createServer({
      meshSource: source,
      authToken: 'secret',
      topology: { prometheusUrl: promUrl, clusterName: 'east' },
    }),
  );
  without = http.createServer(createServer({ meshSource: source }));
  urls = { withProm: await listen(withProm), without: await listen(without) };
}, 30_000);

afterAll(async () => {
  for (const s of [prom, withProm, without]) await new Promise((r) => s.close(r));
  await source.close();
});

const auth = { headers: { Authorization: 'Bearer secret' } };

describe('topology API in the server', () => {
  it('without Prometheus: status says why and how to fix it; the graph path answers 503 with it', async () => {
    const status = (await (
      await fetch(`${urls.without}/api/topology/status`)
    ).json()) as TopologyStatus;
    expect(status).toMatchObject({ config: true, traffic: false });
    expect(status.trafficUnavailable).toBe(NO_PROMETHEUS);
    const graph = await fetch(`${urls.without}/api/namespaces/graph?namespaces=bookinfo`);
    expect(graph.status).toBe(503);
    expect(((await graph.json()) as { error: string }).error).toContain('--prometheus');
  });

  it('serves the config graph of the mesh source', async () => {
    const r = await fetch(`${urls.without}/api/topology/config`);
    expect(r.status).toBe(200);
    const body = (await r.json()) as ConfigTopologyAnswer;
    const ids = new Set(body.graph.nodes.map((n) => n.id));
    for (const name of ['productpage', 'reviews', 'ratings', 'details']) {
      expect(ids.has(`svc:${name}.bookinfo.svc.cluster.local`), name).toBe(true);
    }
    expect(ids.has('gw:bookinfo/bookinfo-gateway')).toBe(true);
  });

  it("with Prometheus: Kiali's graph API answers under /api, behind the server's token", async () => {
    const denied = await fetch(`${urls.withProm}/api/namespaces/graph?namespaces=bookinfo`);
    expect(denied.status).toBe(401);
    const before = promQueries;
    const r = await fetch(
      `${urls.withProm}/api/namespaces/graph?namespaces=bookinfo&graphType=workload&duration=60s`,
      auth,
    );
    expect(r.status).toBe(200);
    const body = (await r.json()) as { graphType: string; elements: { nodes: unknown[] } };
    expect(body.graphType).toBe('workload');
    expect(promQueries).toBeGreaterThan(before);
    const status = (await (
      await fetch(`${urls.withProm}/api/topology/status`, auth)
    ).json()) as TopologyStatus;
    expect(status).toMatchObject({ traffic: true, clusterName: 'east' });
    // Other /api paths still reach the API's own 404.
    const missing = await fetch(`${urls.withProm}/api/namespaces/bookinfo/nothing`, auth);
    expect(missing.status).toBe(404);
  });
});
