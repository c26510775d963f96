import { generateDemoMesh } from '@meshlens/demo-mesh';
import { describe, expect, it } from 'vitest';
import { ISTIO_DURATION_BUCKETS, renderIstioMetrics } from './istioMetrics';
import { buildTrafficModel } from './trafficModel';

function samples(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const i = line.lastIndexOf(' ');
    out.set(line.slice(0, i), Number(line.slice(i + 1)));
  }
  return out;
}

const LABELS = [
  'reporter',
  'source_workload',
  'source_workload_namespace',
  'source_principal',
  'source_app',
  'source_version',
  'source_cluster',
  'destination_workload',
  'destination_workload_namespace',
  'destination_principal',
  'destination_app',
  'destination_version',
  'destination_service',
  'destination_service_name',
  'destination_service_namespace',
  'destination_cluster',
  'connection_security_policy',
  'request_protocol',
  'response_code',
  'grpc_response_status',
  'response_flags',
];

describe('Bookinfo traffic model and Istio metrics', () => {
  const mesh = generateDemoMesh();
  const edges = buildTrafficModel(mesh);

  it('has the Bookinfo call graph: ingress -> productpage -> details / reviews v1,v2,v3; reviews v2,v3 -> ratings', () => {
    expect(edges.map((e) => `${e.source.workload} -> ${e.destination.workload}`)).toEqual([
      'istio-ingressgateway -> productpage-v1',
      'productpage-v1 -> details-v1',
      'productpage-v1 -> reviews-v1',
      'productpage-v1 -> reviews-v2',
      'productpage-v1 -> reviews-v3',
      'reviews-v2 -> ratings-v1',
      'reviews-v3 -> ratings-v1',
    ]);
    expect(edges.every((e) => e.protocol === 'http')).toBe(true);
  });

  it("labels every request series with Istio's standard labels, from both reporters", () => {
    const text = renderIstioMetrics(edges, { elapsedSeconds: 100, clusterId: 'Kubernetes' });
    const series = [...samples(text).keys()].filter((k) => k.startsWith('istio_requests_total{'));
    // 7 edges x 2 reporters x (200 + any 5xx codes): details and ratings-from-v3 have one error code each.
    expect(series).toHaveLength(7 * 2 + 2 * 2);
    for (const s of series) for (const label of LABELS) expect(s).toContain(`${label}="`);
    expect(
      series.filter((s) => s.includes('response_code="503"') && s.includes('response_flags="UF"')),
    ).toHaveLength(2);
  });

  it('keeps histogram buckets cumulative, ending at the request count', () => {
    const m = samples(renderIstioMetrics(edges, { elapsedSeconds: 5000, clusterId: 'c' }));
    const prefix = [...m.keys()].find((k) =>
      k.startsWith('istio_request_duration_milliseconds_count{'),
    )!;
    const labels = prefix.slice('istio_request_duration_milliseconds_count{'.length, -1);
    const buckets = [...ISTIO_DURATION_BUCKETS.map(String), '+Inf'].map((le) =>
      m.get(`istio_request_duration_milliseconds_bucket{${labels},le="${le}"}`)!,
    );
    for (let i = 1; i < buckets.length; i++)
      expect(buckets[i]!).toBeGreaterThanOrEqual(buckets[i - 1]!);
    expect(buckets.at(-1)).toBe(m.get(prefix));
  });

  it('grows every counter with time and never decreases one', () => {
    const a = samples(renderIstioMetrics(edges, { elapsedSeconds: 1000, clusterId: 'c' }));
    const b = samples(renderIstioMetrics(edges, { elapsedSeconds: 1010, clusterId: 'c' }));
    for (const [k, v] of a) expect(b.get(k)!, k).toBeGreaterThanOrEqual(v);
    const ingress = [...a.keys()].find(
      (k) =>
        k.startsWith('istio_requests_total{') &&
        k.includes('source_workload="istio-ingressgateway"'),
    )!;
    expect(b.get(ingress)! - a.get(ingress)!).toBe(100); // 10 rps for 10 s
  });
});

describe('TCP services give istio_tcp_* series', () => {
  // With 21 services the generator makes svc-017, a plain TCP (postgres) service.
  const mesh = generateDemoMesh({ services: 21 });
  const edges = buildTrafficModel(mesh);

  it('grows bytes and connections on the TCP edge', () => {
    const tcp = edges.filter((e) => e.protocol === 'tcp');
    expect(tcp.length).toBeGreaterThan(0);
    expect(new Set(tcp.map((e) => e.service.name))).toEqual(new Set(['svc-017']));
    const a = samples(renderIstioMetrics(edges, { elapsedSeconds: 1000, clusterId: 'c' }));
    const b = samples(renderIstioMetrics(edges, { elapsedSeconds: 1100, clusterId: 'c' }));
    for (const name of [
      'istio_tcp_sent_bytes_total',
      'istio_tcp_received_bytes_total',
      'istio_tcp_connections_opened_total',
    ]) {
      const keys = [...a.keys()].filter((k) => k.startsWith(`${name}{`));
      expect(keys, name).toHaveLength(tcp.length * 2); // source and destination reporter per edge
      for (const k of keys) expect(b.get(k)! - a.get(k)!, k).toBeGreaterThan(0);
    }
    const sent = [...a.keys()].find(
      (k) =>
        k.startsWith('istio_tcp_sent_bytes_total{') &&
        k.includes(`destination_workload="${tcp[0]!.destination.workload}"`),
    )!;
    // Sent = response bytes: the edge's rate times 100 s more.
    expect(b.get(sent)! - a.get(sent)!).toBe(tcp[0]!.responseBytesPerSecond * 100);
  });
});
