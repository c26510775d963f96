import type { TrafficEdge } from './trafficModel';

/** Istio's default `istio_request_duration_milliseconds` buckets. */
export const ISTIO_DURATION_BUCKETS = [
  0.5, 1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000, 300000, 600000,
  1800000, 3600000,
];

type Reporter = 'source' | 'destination';

/** Options of `renderIstioMetrics`. */
export interface IstioMetricsOptions {
  /** Seconds of simulated traffic so far: every counter is rate x this (so it only grows). */
  elapsedSeconds: number;
  /** Only the series this proxy reports (its `/stats/prometheus`); all series when absent. */
  proxyId?: string;
  /** `source_cluster` / `destination_cluster`. */
  clusterId: string;
}

const escape = (v: string): string =>
  v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
const labelText = (labels: [string, string][]): string =>
  labels.map(([k, v]) => `${k}="${escape(v)}"`).join(',');

function edgeLabels(edge: TrafficEdge, reporter: Reporter, clusterId: string): [string, string][] {
  const { source: s, destination: d } = edge;
  return [
    ['reporter', reporter],
    ['source_workload', s.workload],
    ['source_workload_namespace', s.namespace],
    ['source_principal', s.principal],
    ['source_app', s.app],
    ['source_version', s.version],
    // Istio's canonical service labels; Kiali's queries group by them.
    ['source_canonical_service', s.app],
    ['source_canonical_revision', s.version || 'latest'],
    ['source_cluster', clusterId],
    ['destination_workload', d.workload],
    ['destination_workload_namespace', d.namespace],
    ['destination_principal', d.principal],
    ['destination_app', d.app],
    ['destination_version', d.version],
    ['destination_canonical_service', d.app],
    ['destination_canonical_revision', d.version || 'latest'],
    ['destination_service', edge.service.hostname],
    ['destination_service_name', edge.service.name],
    ['destination_service_namespace', edge.service.namespace],
    ['destination_cluster', clusterId],
    // The server side sees the mTLS handshake; the client side reports `unknown`, as Istio does.
    ['connection_security_policy', reporter === 'destination' ? 'mutual_tls' : 'unknown'],
  ];
}

/**
 * Renders the Istio standard metrics (Prometheus text format 0.0.4) for the traffic model after
 * `elapsedSeconds` of traffic: `istio_requests_total` and `istio_request_duration_milliseconds`
 * for HTTP edges, `istio_tcp_*` for TCP edges, each reported by both sides. Values are pure
 * functions of the elapsed time, so they grow monotonically and tests can predict them.
 */
export function renderIstioMetrics(
  edges: readonly TrafficEdge[],
  options: IstioMetricsOptions,
): string {
  const t = Math.max(0, options.elapsedSeconds);
  const requests: string[] = [];
  const buckets: string[] = [];
  const tcpSent: string[] = [];
  const tcpReceived: string[] = [];
  const tcpOpened: string[] = [];
  const tcpClosed: string[] = [];
  for (const edge of edges) {
    for (const reporter of ['source', 'destination'] as const) {
      const proxies = reporter === 'source' ? edge.source.proxyIds : edge.destination.proxyIds;
      if (options.proxyId !== undefined && !proxies.includes(options.proxyId)) continue;
      const base = edgeLabels(edge, reporter, options.clusterId);
      if (edge.protocol === 'http') {
        for (const response of edge.responses) {
          const labels = labelText([
            ...base,
            ['request_protocol', 'http'],
            ['response_code', response.code],
            ['grpc_response_status', ''],
            ['response_flags', response.flags],
          ]);
          const count = Math.floor(edge.rate * response.share * t);
          requests.push(`istio_requests_total{${labels}} ${count}`);
          // Exponential latency with the edge's mean: bucket counts are floor(count x CDF(le)).
          const mean = response.code === '200' ? edge.meanLatencyMs : edge.meanLatencyMs * 3;
          for (const le of ISTIO_DURATION_BUCKETS) {
            const inBucket = Math.floor(count * (1 - Math.exp(-le / mean)));
            buckets.push(
              `istio_request_duration_milliseconds_bucket{${labels},le="${le}"} ${inBucket}`,
            );
          }
          buckets.push(`istio_request_duration_milliseconds_bucket{${labels},le="+Inf"} ${count}`);
          buckets.push(
            `istio_request_duration_milliseconds_sum{${labels}} ${(count * mean).toFixed(1)}`,
          );
          buckets.push(`istio_request_duration_milliseconds_count{${labels}} ${count}`);
        }
      } else {
        const labels = labelText([...base, ['request_protocol', 'tcp'], ['response_flags', '-']]);
        const opened = Math.floor(edge.rate * t);
        tcpOpened.push(`istio_tcp_connections_opened_total{${labels}} ${opened}`);
        tcpClosed.push(`istio_tcp_connections_closed_total{${labels}} ${Math.max(0, opened - 1)}`);
        // Istio: "sent" = bytes of the response, "received" = bytes of the request.
        tcpSent.push(
          `istio_tcp_sent_bytes_total{${labels}} ${Math.floor(edge.responseBytesPerSecond * t)}`,
        );
        tcpReceived.push(
          `istio_tcp_received_bytes_total{${labels}} ${Math.floor(edge.requestBytesPerSecond * t)}`,
        );
      }
    }
  }
  const family = (name: string, type: string, help: string, lines: string[]): string =>
    lines.length === 0
      ? ''
      : `# HELP ${name} ${help}\n# TYPE ${name} ${type}\n${lines.join('\n')}\n`;
  return [
    family('istio_requests_total', 'counter', 'Total requests.', requests),
    family(
      'istio_request_duration_milliseconds',
      'histogram',
      'Request duration in milliseconds.',
      buckets,
    ),
    family(
      'istio_tcp_sent_bytes_total',
      'counter',
      'Bytes sent during the response of TCP connections.',
      tcpSent,
    ),
    family(
      'istio_tcp_received_bytes_total',
      'counter',
      'Bytes received during the request of TCP connections.',
      tcpReceived,
    ),
    family('istio_tcp_connections_opened_total', 'counter', 'TCP connections opened.', tcpOpened),
    family('istio_tcp_connections_closed_total', 'counter', 'TCP connections closed.', tcpClosed),
  ].join('');
}
