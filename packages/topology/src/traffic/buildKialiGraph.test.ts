import { describe, expect, it } from 'vitest';
import { buildKialiGraph } from './buildKialiGraph';
import { accessKey } from './markOutsiders';
import { parseGraphRequest } from './parseGraphRequest';
import type { PromQueryFn, PromSample } from './promVector';
import { sha256Hex } from './sha256';

// An in-memory Prometheus (the pure package does no HTTP; the parity suite uses a real server):
// answers by metric name and the reporter / namespace matcher found in the query.
function fakeProm(
  rules: { match: RegExp; vector: PromSample[] }[],
  sent: string[] = [],
): PromQueryFn {
  return async (query) => {
    sent.push(query);
    const rule = rules.find((r) => r.match.test(query));
    return { ok: true, vector: rule ? rule.vector : [] };
  };
}

const ids = (ns: string, wl: string, app: string, ver: string, side: 'source' | 'destination') =>
  side === 'source'
    ? {
        source_cluster: 'c1',
        source_workload_namespace: ns,
        source_workload: wl,
        source_canonical_service: app,
        source_canonical_revision: ver,
      }
    : {
        destination_cluster: 'c1',
        destination_service_namespace: ns,
        destination_service: `${app}.${ns}.svc.cluster.local`,
        destination_service_name: app,
        destination_workload_namespace: ns,
        destination_workload: wl,
        destination_canonical_service: app,
        destination_canonical_revision: ver,
      };

const FRONT = ids('shop', 'front-v1', 'front', 'v1', 'source');
const CART = ids('shop', 'cart-v1', 'cart', 'v1', 'destination');
const PAY = ids('pay', 'pay-v1', 'pay', 'v1', 'destination');
const http = (code: string) => ({
  request_protocol: 'http',
  response_code: code,
  response_flags: '-',
});

function options(query: string) {
  const url = new URL(`http://x${query}`);
  const parsed = parseGraphRequest(url.pathname, url.searchParams, 1_700_000_000);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.options;
}

describe('buildKialiGraph', () => {
  const requests: PromSample[] = [
    { metric: { ...FRONT, ...CART, ...http('200') }, value: 9 },
    { metric: { ...FRONT, ...CART, ...http('503') }, value: 1 },
    { metric: { ...FRONT, ...PAY, ...http('200') }, value: 0 },
  ];

  it('keeps zero-rate series as idle edges only with includeIdleEdges, and drops "> 0" from the queries', async () => {
    const sent: string[] = [];
    const query = fakeProm(
      [
        {
          match: /istio_requests_total\{reporter="source",source_workload_namespace="shop"/,
          vector: requests,
        },
      ],
      sent,
    );
    const idle = await buildKialiGraph(
      options(
        '/api/namespaces/graph?namespaces=shop&appenders&includeIdleEdges=true&ambientTraffic=none',
      ),
      { query },
    );
    expect(idle.ok).toBe(true);
    if (!idle.ok) return;
    expect(sent.every((q) => !q.includes('> 0'))).toBe(true);
    const payEdge = idle.graph.elements.edges.find(
      (e) => e.data.target === sha256Hex('wl_c1_pay_pay-v1'),
    );
    expect(payEdge?.data.traffic).toEqual({ protocol: 'http' });
    const cartEdge = idle.graph.elements.edges.find(
      (e) => e.data.target === sha256Hex('wl_c1_shop_cart-v1'),
    );
    expect(cartEdge?.data.traffic?.rates).toEqual({
      http: '10.00',
      http5xx: '1.00',
      httpPercentErr: '10.0',
      httpPercentReq: '100.0',
    });
    expect(cartEdge?.data.traffic?.responses?.['503']).toEqual({
      flags: { '-': '10.0' },
      hosts: { 'cart.shop.svc.cluster.local': '10.0' },
    });
  });

  it('boxes by namespace and cluster only when there is more than one group', async () => {
    const query = fakeProm([
      { match: /reporter="source",source_workload_namespace="shop"/, vector: requests },
    ]);
    const r = await buildKialiGraph(
      options(
        '/api/namespaces/graph?namespaces=shop&appenders&boxBy=namespace,cluster&includeIdleEdges=true&ambientTraffic=none',
      ),
      { query },
    );
    if (!r.ok) throw new Error(r.message);
    const boxes = r.graph.elements.nodes.filter((n) => n.data.isBox);
    // shop (front, cart) is boxed; pay has one member; one cluster only -> no cluster box.
    expect(boxes.map((b) => [b.data.isBox, b.data.namespace])).toEqual([['namespace', 'shop']]);
    expect(boxes[0]?.data.id).toBe(sha256Hex('box_c1_shop'));
    const pay = r.graph.elements.nodes.find((n) => n.data.workload === 'pay-v1');
    expect(pay?.data.parent).toBeUndefined();
    expect(pay?.data.isOutside).toBe(true);
  });

  it('attaches response time (destination-reported first), mTLS percentages and throughput', async () => {
    const sent: string[] = [];
    const query = fakeProm(
      [
        {
          match:
            /^round\(histogram_quantile\(0\.95, sum\(rate\(istio_request_duration_milliseconds_bucket\{reporter="destination"/,
          vector: [{ metric: { ...FRONT, ...CART, request_protocol: 'http' }, value: 42.4 }],
        },
        {
          match:
            /^round\(histogram_quantile\(0\.95, sum\(rate\(istio_request_duration_milliseconds_bucket\{reporter="source"/,
          vector: [{ metric: { ...FRONT, ...CART, request_protocol: 'http' }, value: 99 }],
        },
        {
          match: /connection_security_policy\) > 0,0\.001\)$/,
          vector: [
            {
              metric: {
                ...FRONT,
                ...CART,
                connection_security_policy: 'mutual_tls',
                source_principal: 'spiffe://a',
                destination_principal: 'spiffe://b',
              },
              value: 3,
            },
            { metric: { ...FRONT, ...CART, connection_security_policy: 'none' }, value: 1 },
          ],
        },
        {
          match:
            /istio_response_bytes_sum\{reporter="destination",source_workload_namespace="shop"/,
          vector: [
            { metric: { ...FRONT, ...CART }, value: 1200 },
            { metric: { ...FRONT, ...CART, destination_service: 'cart:80' }, value: 34 },
          ],
        },
        {
          match: /istio_requests_total\{reporter="source",source_workload_namespace="shop"/,
          vector: requests,
        },
      ],
      sent,
    );
    const r = await buildKialiGraph(
      options(
        '/api/namespaces/graph?namespaces=shop&appenders=responseTime,securityPolicy,throughput&ambientTraffic=none',
      ),
      { query },
    );
    if (!r.ok) throw new Error(r.message);
    const edge = r.graph.elements.edges.find(
      (e) => e.data.target === sha256Hex('wl_c1_shop_cart-v1'),
    );
    expect(edge?.data.responseTime).toBe('42');
    expect(edge?.data.isMTLS).toBe('75');
    expect(edge?.data.sourcePrincipal).toBe('spiffe://a');
    expect(edge?.data.throughput).toBe('1234');
    // Default rates: requests + TCP sent bytes (istio_tcp_received_bytes_total), OR-ed in one query.
    expect(
      sent.filter(
        (q) =>
          q.includes('istio_requests_total{reporter="destination"') &&
          q.includes(' OR sum(rate(istio_tcp_received_bytes_total'),
      ),
    ).toHaveLength(2);
  });

  it("answers Kiali's statuses: 403 for an inaccessible namespace, 503 naming Prometheus's error", async () => {
    const query: PromQueryFn = async () => ({
      ok: false,
      error: 'http://prom:9090/api/v1/query: connection refused',
    });
    const denied = await buildKialiGraph(options('/api/namespaces/graph?namespaces=pay'), {
      query,
      accessibleNamespaces: new Set([accessKey('c1', 'shop')]),
    });
    expect(denied).toEqual({
      ok: false,
      status: 403,
      message: 'Requested namespace [pay] is not accessible.',
    });
    const down = await buildKialiGraph(options('/api/namespaces/graph?namespaces=shop'), { query });
    expect(down).toEqual({
      ok: false,
      status: 503,
      message: 'http://prom:9090/api/v1/query: connection refused',
    });
  });

  it('shows the node of a node graph even without traffic', async () => {
    const r = await buildKialiGraph(
      options('/api/namespaces/shop/workloads/cart-v1/graph?appenders'),
      { query: fakeProm([]) },
    );
    if (!r.ok) throw new Error(r.message);
    expect(r.graph.elements.nodes.map((n) => n.data.workload)).toEqual(['cart-v1']);
  });

  it('adds idle nodes from the namespace inventory only when the idleNode appender is requested', async () => {
    const query = fakeProm([
      { match: /reporter="source",source_workload_namespace="shop"/, vector: requests },
    ]);
    const inventory = async (ns: string) =>
      ns === 'shop'
        ? {
            services: ['cart', 'search'],
            workloads: [
              { name: 'search-v1', app: 'search', version: 'v1' },
              { name: 'cart-v1', app: 'cart', version: 'v1' },
            ],
          }
        : undefined;
    const idle = await buildKialiGraph(
      options('/api/namespaces/graph?namespaces=shop&appenders=idleNode&ambientTraffic=none'),
      { query, inventory, homeCluster: 'c1' },
    );
    if (!idle.ok) throw new Error(idle.message);
    const idleNodes = idle.graph.elements.nodes
      .filter((n) => n.data.isIdle)
      .map((n) => n.data.workload);
    // cart-v1 has traffic already; search-v1 has none.
    expect(idleNodes).toEqual(['search-v1']);
    const svc = await buildKialiGraph(
      options(
        '/api/namespaces/graph?namespaces=shop&graphType=service&appenders=idleNode&ambientTraffic=none',
      ),
      { query, inventory, homeCluster: 'c1' },
    );
    if (!svc.ok) throw new Error(svc.message);
    expect(
      svc.graph.elements.nodes.filter((n) => n.data.isIdle).map((n) => n.data.service),
    ).toEqual(['search']);
    const none = await buildKialiGraph(
      options('/api/namespaces/graph?namespaces=shop&appenders&ambientTraffic=none'),
      { query, inventory },
    );
    if (!none.ok) throw new Error(none.message);
    expect(none.graph.elements.nodes.some((n) => n.data.isIdle)).toBe(false);
  });

  it('removes waypoints and the edges into them with waypoints=false', async () => {
    const WP = ids('shop', 'waypoint', 'waypoint', 'latest', 'destination');
    const tcp = { response_flags: '-' };
    const query = fakeProm([
      {
        match:
          /istio_tcp_received_bytes_total\{reporter=~"waypoint\|source",source_workload_namespace="shop"/,
        vector: [
          { metric: { ...FRONT, ...WP, ...tcp }, value: 5 },
          { metric: { ...FRONT, ...CART, ...tcp }, value: 7 },
        ],
      },
    ]);
    const kept = await buildKialiGraph(
      options('/api/namespaces/graph?namespaces=shop&appenders=ambient'),
      { query },
    );
    const dropped = await buildKialiGraph(
      options('/api/namespaces/graph?namespaces=shop&appenders=ambient&waypoints=false'),
      { query },
    );
    if (!kept.ok || !dropped.ok) throw new Error('graph failed');
    expect(
      kept.graph.elements.nodes.find((n) => n.data.workload === 'waypoint')?.data.isWaypoint,
    ).toBe(true);
    expect(dropped.graph.elements.nodes.map((n) => n.data.workload).sort()).toEqual([
      'cart-v1',
      'front-v1',
    ]);
    expect(dropped.graph.elements.edges).toHaveLength(1);
  });
});
