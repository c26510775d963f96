import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKialiGraphRouter } from './kialiGraphRouter';

// A real local HTTP server speaking Prometheus's /api/v1/query: one series for the destination-
// reported request query of namespace `shop`, an API error for namespace `broken`, empty otherwise.
const SERIES = {
  source_cluster: 'c1',
  source_workload_namespace: 'shop',
  source_workload: 'front-v1',
  source_canonical_service: 'front',
  source_canonical_revision: 'v1',
  destination_cluster: 'c1',
  destination_service_namespace: 'shop',
  destination_service: 'cart.shop.svc.cluster.local',
  destination_service_name: 'cart',
  destination_workload_namespace: 'shop',
  destination_workload: 'cart-v1',
  destination_canonical_service: 'cart',
  destination_canonical_revision: 'v1',
  request_protocol: 'http',
  response_code: '200',
  response_flags: '-',
};

let prom: http.Server;
let web: http.Server;
let base = '';
const seen: { query: string; time: string }[] = [];

const listen = async (server: http.Server): Promise<string> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

beforeAll(async () => {
  prom = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const query = url.searchParams.get('query') ?? '';
    seen.push({ query, time: url.searchParams.get('time') ?? '' });
    if (query.includes('"broken"')) {
      res
        .writeHead(422)
        .end(JSON.stringify({ status: 'error', errorType: 'execution', error: 'query timed out' }));
      return;
    }
    const hit = query.startsWith(
      'round(sum(rate(istio_requests_total{reporter="destination",destination_workload_namespace="shop"}',
    );
    const result = hit ? [{ metric: SERIES, value: [1700000000, '2.5'] }] : [];
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ status: 'success', data: { resultType: 'vector', result } }));
  });
  const promUrl = await listen(prom);
  const app = express();
  app.use(
    createKialiGraphRouter({
      prometheusUrl: promUrl,
      clusterName: 'c1',
      accessibleNamespaces: ['shop', 'broken'],
    }),
  );
  web = app.listen(0, '127.0.0.1');
  await new Promise((r) => web.once('listening', r));
  base = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((r) => prom.close(r));
  await new Promise((r) => web.close(r));
});

describe('createKialiGraphRouter', () => {
  it("answers /api/namespaces/graph with Kiali's JSON, querying Prometheus at queryTime", async () => {
    const res = await fetch(
      `${base}/api/namespaces/graph?namespaces=shop&graphType=app&appenders&queryTime=1700000000&ambientTraffic=none`,
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      graphType: string;
      elements: { nodes: { data: { app?: string } }[] };
    };
    expect(body.graphType).toBe('app');
    expect(body.elements.nodes.map((n) => n.data.app).sort()).toEqual(['cart', 'front']);
    expect(seen.every((s) => s.time === '1700000000')).toBe(true);
  });

  it('answers node graphs', async () => {
    const res = await fetch(
      `${base}/api/namespaces/shop/applications/cart/versions/v1/graph?graphType=versionedApp&appenders&ambientTraffic=none`,
    );
    expect(res.status).toBe(200);
    const q = seen.at(-4)?.query ?? '';
    expect(q).toContain(
      'destination_service_namespace="shop",destination_canonical_service="cart",destination_canonical_revision="v1"',
    );
  });

  it("returns Kiali's error statuses: 400 bad parameter, 403 inaccessible, 503 Prometheus error", async () => {
    const bad = await fetch(`${base}/api/namespaces/graph?namespaces=shop&graphType=mesh`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: 'Invalid graphType [mesh]' });
    const denied = await fetch(`${base}/api/namespaces/graph?namespaces=pay`);
    expect(denied.status).toBe(403);
    const broken = await fetch(`${base}/api/namespaces/graph?namespaces=broken`);
    expect(broken.status).toBe(503);
    expect(((await broken.json()) as { error: string }).error).toMatch(
      /\/api\/v1\/query: Prometheus rejected the query \(execution\): query timed out/,
    );
  });

  it('names the Prometheus URL when nothing listens there', async () => {
    const app = express();
    app.use(createKialiGraphRouter({ prometheusUrl: 'http://127.0.0.1:9', timeoutMs: 2000 }));
    const server = app.listen(0, '127.0.0.1');
    const url = await new Promise<string>((resolve) =>
      server.once('listening', () =>
        resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
      ),
    );
    try {
      const res = await fetch(`${url}/api/namespaces/graph?namespaces=shop`);
      expect(res.status).toBe(503);
      expect(((await res.json()) as { error: string }).error).toContain(
        'http://127.0.0.1:9/api/v1/query: connection refused',
      );
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('leaves other paths to the next handler', async () => {
    const res = await fetch(`${base}/api/namespaces/shop/graphs`);
    expect(res.status).toBe(404);
  });
});
