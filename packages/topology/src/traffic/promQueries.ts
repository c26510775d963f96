// The exact PromQL strings Kiali sends for a graph (graph/telemetry/istio/istio.go), so that a
// Prometheus answering Kiali answers us: same matchers, same order, same spacing.
import type { AmbientTraffic, GraphNodeSelector, KialiGraphOptions } from './graphOptions';

/** The identity labels every traffic query groups by. */
export const IDENTITY_LABELS =
  'source_cluster,source_workload_namespace,source_workload,source_canonical_service,source_canonical_revision,' +
  'destination_cluster,destination_service_namespace,destination_service,destination_service_name,' +
  'destination_workload_namespace,destination_workload,destination_canonical_service,destination_canonical_revision';

/** How samples of a metric are read. */
export type MetricKind = 'requests' | 'tcp' | 'messages';

/** One query to run and how to read its result. */
export interface TrafficQuery {
  metric: string;
  kind: MetricKind;
  /** The query exactly as sent (scope injected, wrapped in `round(…,0.001)`). */
  query: string;
}

const GROUP_BY: Record<MetricKind, string> = {
  requests: `${IDENTITY_LABELS},request_protocol,response_code,grpc_response_status,response_flags`,
  tcp: `app,${IDENTITY_LABELS},response_flags`,
  messages: IDENTITY_LABELS,
};

/** `util.GetReporter`: ambient total/waypoint telemetry is also reported by waypoints. */
export function reporterMatcher(side: 'source' | 'destination', ambient: AmbientTraffic): string {
  return ambient === 'total' || ambient === 'waypoint'
    ? `reporter=~"waypoint|${side}"`
    : `reporter="${side}"`;
}

/** `util.GetApp`: excludes ztunnel L4 telemetry from TCP queries unless ztunnel traffic is wanted. */
export function ztunnelExclusion(ambient: AmbientTraffic): string {
  return ambient === 'waypoint' || ambient === 'none' ? 'app!="ztunnel",' : '';
}

/** `graph.PromQueryAppender`: query scope after every `{`, then `round(…, 0.001)`. */
export function finishQuery(query: string, scope: Readonly<Record<string, string>>): string {
  const labels = Object.keys(scope)
    .sort()
    .map((k) => `${k}="${scope[k] ?? ''}",`)
    .join('');
  const scoped = labels ? query.replaceAll('{', `{${labels}`) : query;
  return `round(${scoped},0.001)`;
}

/** The metrics a rate selection needs, in Kiali's order. */
export function trafficMetrics(options: KialiGraphOptions): { metric: string; kind: MetricKind }[] {
  const { rates } = options;
  const out: { metric: string; kind: MetricKind }[] = [];
  if (rates.http === 'requests' || rates.grpc === 'requests') {
    out.push({ metric: 'istio_requests_total', kind: 'requests' });
  }
  // Istio's TCP byte metrics are named from the other side (istio/istio#32399): sent = received.
  if (rates.tcp === 'sent' || rates.tcp === 'total') {
    out.push({ metric: 'istio_tcp_received_bytes_total', kind: 'tcp' });
  }
  if (rates.tcp === 'received' || rates.tcp === 'total') {
    out.push({ metric: 'istio_tcp_sent_bytes_total', kind: 'tcp' });
  }
  if (rates.grpc === 'sent' || rates.grpc === 'total') {
    out.push({ metric: 'istio_request_messages_total', kind: 'messages' });
  }
  if (rates.grpc === 'received' || rates.grpc === 'total') {
    out.push({ metric: 'istio_response_messages_total', kind: 'messages' });
  }
  return out;
}

function shape(
  metric: string,
  kind: MetricKind,
  matchers: string,
  options: KialiGraphOptions,
): string {
  const idle = options.includeIdleEdges ? '' : '> 0';
  return `sum(rate(${metric}{${matchers}} [${options.duration}s])) by (${GROUP_BY[kind]}) ${idle}`;
}

/**
 * The queries of one namespace of a namespace graph: unserviced incoming (source-reported, never
 * reached a workload), ambient ingress (only for ambient namespaces), incoming (destination
 * telemetry) and outgoing (source telemetry).
 */
export function namespaceQueries(
  namespace: string,
  options: KialiGraphOptions,
  scope: Readonly<Record<string, string>>,
  isAmbientNamespace: boolean,
): TrafficQuery[] {
  const amb = options.ambientTraffic;
  const ns = namespace;
  const out: TrafficQuery[] = [];
  for (const { metric, kind } of trafficMetrics(options)) {
    const app = kind === 'tcp' ? ztunnelExclusion(amb) : '';
    const matchers = [
      `${app}${reporterMatcher('source', amb)},source_workload_namespace!="${ns}",destination_workload_namespace="unknown",destination_workload="unknown",destination_service=~"^.+\\\\.${ns}\\\\..+$"`,
    ];
    if (kind !== 'tcp' && isAmbientNamespace && amb !== 'none') {
      matchers.push(
        `reporter="source",source_workload_namespace!="${ns}",destination_workload_namespace="${ns}"`,
      );
    }
    matchers.push(
      `${app}${reporterMatcher('destination', amb)},destination_workload_namespace="${ns}"`,
    );
    matchers.push(`${app}${reporterMatcher('source', amb)},source_workload_namespace="${ns}"`);
    for (const m of matchers) {
      out.push({ metric, kind, query: finishQuery(shape(metric, kind, m, options), scope) });
    }
  }
  return out;
}

/** The queries of a node-detail graph: traffic into the node, then out of it (none for services). */
export function nodeQueries(
  node: GraphNodeSelector,
  options: KialiGraphOptions,
  scope: Readonly<Record<string, string>>,
): TrafficQuery[] {
  const amb = options.ambientTraffic;
  const ns = node.namespace;
  const c = options.clusterName;
  const destCluster = c ? `,destination_cluster="${c}"` : '';
  const sourceCluster = c ? `,source_cluster="${c}"` : '';
  const out: TrafficQuery[] = [];
  for (const { metric, kind } of trafficMetrics(options)) {
    // Node graphs use literal reporters for TCP (only requests/messages widen to waypoints).
    const tcp = kind === 'tcp';
    const prefix = tcp ? ztunnelExclusion(amb) : '';
    const dest = tcp ? `${prefix}reporter="destination"` : reporterMatcher('destination', amb);
    const src = tcp ? `${prefix}reporter="source"` : reporterMatcher('source', amb);
    const matchers: string[] = [];
    if (node.kind === 'workload') {
      const wl = node.workload ?? '';
      matchers.push(
        `${dest},destination_workload_namespace="${ns}",destination_workload="${wl}"${destCluster}`,
      );
      matchers.push(
        `${src},source_workload_namespace="${ns}",source_workload="${wl}"${sourceCluster}`,
      );
    } else if (node.kind === 'app') {
      const app = node.app ?? '';
      const ver = node.version;
      const dv = ver ? `,destination_canonical_revision="${ver}"` : '';
      const sv = ver ? `,source_canonical_revision="${ver}"` : '';
      matchers.push(
        `${dest},destination_service_namespace="${ns}",destination_canonical_service="${app}"${dv}${destCluster}`,
      );
      matchers.push(
        `${src},source_workload_namespace="${ns}",source_canonical_service="${app}"${sv}${sourceCluster}`,
      );
    } else {
      const svc = `destination_service=~"^${node.service ?? ''}\\\\.${ns}\\\\..*$"`;
      // Source-reported only for requests that never reached a workload, to avoid duplicates.
      if (!tcp) matchers.push(`${src},destination_workload="unknown",${svc}${destCluster}`);
      matchers.push(`${dest},destination_service_namespace="${ns}",${svc}${destCluster}`);
    }
    for (const m of matchers) {
      out.push({ metric, kind, query: finishQuery(shape(metric, kind, m, options), scope) });
    }
  }
  return out;
}
