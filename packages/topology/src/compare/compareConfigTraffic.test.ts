import { parseConfigDump } from '@meshlens/configdump';
import { generateDemoMesh } from '@meshlens/demo-mesh';
import { describe, expect, it } from 'vitest';
import { buildConfigTopology } from '../config/buildConfigTopology';
import { readIstioConfig } from '../config/readIstioConfig';
import { buildKialiGraph } from '../traffic/buildKialiGraph';
import { parseGraphRequest } from '../traffic/parseGraphRequest';
import type { PromSample } from '../traffic/promVector';
import { compareConfigTraffic } from './compareConfigTraffic';

const mesh = generateDemoMesh();
const config = buildConfigTopology({
  dumps: mesh.proxies.map((p) => {
    const r = parseConfigDump(JSON.stringify(p.dump));
    if (!r.ok) throw new Error(r.error.message);
    return r.dump;
  }),
});

function series(src: string, dst: string, svc: string, host: string): PromSample {
  const [sApp, sVer] = src.split('-') as [string, string];
  const [dApp, dVer] = dst.split('-') as [string, string | undefined];
  return {
    metric: {
      source_cluster: 'Kubernetes',
      source_workload_namespace: 'bookinfo',
      source_workload: src,
      source_canonical_service: sApp,
      source_canonical_revision: sVer,
      destination_cluster: 'Kubernetes',
      destination_service_namespace: 'bookinfo',
      destination_service: host,
      destination_service_name: svc,
      destination_workload_namespace: dst === 'unknown' ? 'unknown' : 'bookinfo',
      destination_workload: dst,
      destination_canonical_service: dApp,
      destination_canonical_revision: dVer ?? 'unknown',
      request_protocol: 'http',
      response_code: '200',
      response_flags: '-',
    },
    value: 1,
  };
}

async function trafficOf(vector: PromSample[]) {
  const url = new URL(
    'http://x/api/namespaces/graph?namespaces=bookinfo&graphType=workload&appenders&ambientTraffic=none',
  );
  const parsed = parseGraphRequest(url.pathname, url.searchParams, 0);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const traffic = await buildKialiGraph(parsed.options, {
    query: async (q) => ({
      ok: true,
      vector: q.includes(
        'istio_requests_total{reporter="source",source_workload_namespace="bookinfo"}',
      )
        ? vector
        : [],
    }),
  });
  if (!traffic.ok) throw new Error(traffic.message);
  return traffic.graph;
}

describe('compareConfigTraffic on the demo mesh', () => {
  it('workloads known only from the proxy list, with no Sidecar: their traffic is allowed by default, not flagged', async () => {
    const listedConfig = buildConfigTopology({
      config: readIstioConfig([]),
      listed: mesh.proxies.map((p) => ({
        name: p.podName,
        namespace: p.namespace,
        type: p.proxyType,
      })),
    });
    const edge = series(
      'reviews-v2',
      'payments-v1',
      'payments',
      'payments.bookinfo.svc.cluster.local',
    );
    const cmp = compareConfigTraffic(listedConfig, await trafficOf([edge]));
    expect(cmp.trafficOnly).toEqual([]);
    expect(cmp.unjudged.length).toBeGreaterThan(0);
    // Without the config (no Sidecar knowledge) the same traffic is unexplained.
    const noConfig = buildConfigTopology({
      listed: mesh.proxies.map((p) => ({
        name: p.podName,
        namespace: p.namespace,
        type: p.proxyType,
      })),
    });
    expect(compareConfigTraffic(noConfig, await trafficOf([edge])).trafficOnly).toHaveLength(1);
  });

  it('matches traffic to reachable services, lists silent config edges and flags unexplained traffic', async () => {
    const vector = [
      series('productpage-v1', 'reviews-v2', 'reviews', 'reviews.bookinfo.svc.cluster.local'),
      series('reviews-v2', 'ratings-v1', 'ratings', 'ratings.bookinfo.svc.cluster.local'),
      // No sidecar has an outbound cluster for this host: traffic the config does not explain.
      series('reviews-v2', 'payments-v1', 'payments', 'payments.bookinfo.svc.cluster.local'),
    ];
    const url = new URL(
      'http://x/api/namespaces/graph?namespaces=bookinfo&graphType=workload&appenders&ambientTraffic=none',
    );
    const parsed = parseGraphRequest(url.pathname, url.searchParams, 0);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const traffic = await buildKialiGraph(parsed.options, {
      query: async (q) => ({
        ok: true,
        vector: q.includes(
          'istio_requests_total{reporter="source",source_workload_namespace="bookinfo"}',
        )
          ? vector
          : [],
      }),
    });
    if (!traffic.ok) throw new Error(traffic.message);
    const cmp = compareConfigTraffic(config, traffic.graph);
    expect(cmp.matched.map((m) => m.configEdge).sort()).toEqual([
      'reaches:wl:bookinfo/productpage-v1->svc:reviews.bookinfo.svc.cluster.local',
      'reaches:wl:bookinfo/reviews-v2->svc:ratings.bookinfo.svc.cluster.local',
    ]);
    expect(cmp.trafficOnly.map((t) => t.reason)).toEqual([
      'bookinfo/reviews-v2 has no outbound cluster for payments.bookinfo.svc.cluster.local',
    ]);
    // productpage-v1 can reach details and ratings too, without traffic in this window.
    expect(cmp.configOnly).toContain(
      'reaches:wl:bookinfo/productpage-v1->svc:details.bookinfo.svc.cluster.local',
    );
    expect(cmp.configOnly).not.toContain(
      'reaches:wl:bookinfo/productpage-v1->svc:reviews.bookinfo.svc.cluster.local',
    );
    // Workloads with no traffic at all are not listed (nothing to compare).
    expect(cmp.configOnly.some((id) => id.startsWith('reaches:wl:bookinfo/details-v1'))).toBe(
      false,
    );
  });
});
