import type { DumpTrace } from '@meshlens/tracer';

/** The headline of a trace: what happened to the request, in a few words. */
export interface OutcomeHeadline {
  /** `cluster`, `redirect`, `direct response`, `refused`... (also the `data-outcome` of the view). */
  kind: 'cluster' | 'split' | 'redirect' | 'direct_response' | 'refused' | 'not_found' | 'unknown';
  /** e.g. `cluster outbound|9080|v2|reviews...` or `redirect 301 to https://...`. */
  label: string;
  /** How it looks: served (ok), answered by Envoy itself (info), failed (danger). */
  tone: 'ok' | 'info' | 'danger';
}

/** Turns the tracer's outcome into the one line at the top of the result. */
export function describeOutcome(t: DumpTrace): OutcomeHeadline {
  const cluster = t.clusters[0];
  const rt = t.routeTrace;
  switch (t.outcome) {
    case 'http_route':
    case 'tcp_forward': {
      const name = cluster?.name ?? '(unknown)';
      const healthy = cluster?.status === 'ok' || cluster?.status === 'original_dst';
      return { kind: 'cluster', label: `cluster ${name}`, tone: healthy ? 'ok' : 'danger' };
    }
    case 'conditional':
      return {
        kind: 'split',
        label: `one of ${t.clusters.map((c) => c.name).join(', ')} (set a random value to pick)`,
        tone: 'info',
      };
    case 'http_redirect':
      return {
        kind: 'redirect',
        label: rt?.redirect
          ? `redirect ${rt.redirect.status} to ${rt.redirect.location}`
          : 'redirect',
        tone: 'info',
      };
    case 'http_direct_response':
      return {
        kind: 'direct_response',
        label: `direct response ${rt?.directResponse?.status ?? ''}`.trim(),
        tone: 'info',
      };
    case 'refused':
      return { kind: 'refused', label: 'refused: no listener accepts it', tone: 'danger' };
    case 'closed_no_filter_chain':
      return { kind: 'refused', label: 'closed: no filter chain matches', tone: 'danger' };
    case 'tcp_blackhole':
      return { kind: 'refused', label: 'closed by BlackHoleCluster', tone: 'danger' };
    case 'http_no_route':
      return { kind: 'not_found', label: '404: no route', tone: 'danger' };
    case 'http_cluster_not_found':
      return {
        kind: 'not_found',
        label: `503: cluster ${cluster?.name ?? ''} not found`,
        tone: 'danger',
      };
    case 'unsupported':
      return { kind: 'unknown', label: 'not followed by the tracer', tone: 'info' };
  }
}
