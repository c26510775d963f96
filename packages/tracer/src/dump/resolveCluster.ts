import type {
  Address,
  Cluster,
  ClusterEndpoints,
  ConfigDump,
  Endpoint,
} from '@meshlens/configdump';
import { formatAddress as formatInStyle } from '@meshlens/configdump';

/** The cluster step of a trace (§9). */
export interface ClusterResolution {
  name: string;
  cluster?: Cluster;
  endpoints?: ClusterEndpoints;
  healthy: number;
  total: number;
  /** `ok`, `missing` (cluster not in the dump), `no_endpoints`, `no_healthy`, `original_dst`, `blackhole`. */
  status:
    | 'ok'
    | 'missing'
    | 'no_endpoints'
    | 'no_healthy'
    | 'original_dst'
    | 'blackhole'
    | 'unknown_endpoints';
  explanation: string[];
}

/** `10.0.0.1:9080`, `[::1]:80`, `unix:/path`, `internal:listener`: @meshlens/configdump's `trace` style. */
export function formatAddress(a: Address): string {
  return formatInStyle(a, 'trace');
}

/** Healthy for load balancing: Envoy routes to HEALTHY and UNKNOWN (no health checking) hosts; DEGRADED only as a last resort. */
export function isServing(e: Endpoint): boolean {
  return (
    (e.healthStatus === 'HEALTHY' || e.healthStatus === 'UNKNOWN') && e.outlierCheck !== 'FAILED'
  );
}

/** Finds the cluster and its endpoints and says whether traffic can land anywhere. */
export function resolveCluster(
  dump: ConfigDump,
  name: string,
  originalDst?: string,
): ClusterResolution {
  const explanation: string[] = [];
  const cluster = dump.index.clusterByName.get(name);
  if (!cluster) {
    const hasClusters = dump.sections.includes('clusters');
    explanation.push(
      hasClusters
        ? `Cluster "${name}" is not in the dump: Envoy answers 503 (NC, cluster not found) for HTTP and closes TCP connections.`
        : `The dump has no clusters section, so cluster "${name}" cannot be checked.`,
    );
    return { name, healthy: 0, total: 0, status: 'missing', explanation };
  }
  const base = { name, cluster };
  if (cluster.state !== 'active' && cluster.state !== 'static')
    explanation.push(`Cluster "${name}" is ${cluster.state}: it does not take traffic yet.`);
  explanation.push(
    `Cluster "${name}": type ${cluster.type}, load balancing ${cluster.lbPolicy}${cluster.tls ? `, upstream TLS${cluster.tls.istioMutual ? ' (Istio mTLS)' : ''}${cluster.tls.sni ? ` SNI ${cluster.tls.sni}` : ''}` : ''}.`,
  );
  if (name === 'BlackHoleCluster') {
    explanation.push(
      'BlackHoleCluster has no endpoints by design: TCP connections are closed, HTTP requests get 503 (UH).',
    );
    return { ...base, healthy: 0, total: 0, status: 'blackhole', explanation };
  }
  if (cluster.type === 'ORIGINAL_DST') {
    explanation.push(
      `ORIGINAL_DST cluster: the upstream is the connection's original destination${originalDst ? ` ${originalDst}` : ''}, not an endpoint list.`,
    );
    return { ...base, healthy: 1, total: 1, status: 'original_dst', explanation };
  }
  const eps = dump.index.endpointsByCluster.get(name);
  if (!eps) {
    const why =
      cluster.type === 'EDS'
        ? dump.sections.includes('endpoints')
          ? 'EDS has no assignment for it: 503 (UH, no healthy upstream).'
          : 'the dump was taken without ?include_eds, so its endpoints are unknown.'
        : 'it has no load assignment.';
    explanation.push(`No endpoints for "${name}": ${why}`);
    return {
      ...base,
      healthy: 0,
      total: 0,
      status:
        dump.sections.includes('endpoints') || cluster.type !== 'EDS'
          ? 'no_endpoints'
          : 'unknown_endpoints',
      explanation,
    };
  }
  const healthy = eps.endpoints.filter(isServing).length;
  const total = eps.endpoints.length;
  const list = eps.endpoints
    .slice(0, 10)
    .map(
      (e) =>
        `${formatAddress(e.address)} ${e.healthStatus}${e.locality?.zone ? ` (${e.locality.zone})` : ''}`,
    );
  explanation.push(
    `${total} endpoint(s), ${healthy} serving: ${list.join(', ')}${total > 10 ? `, ... ${total - 10} more` : ''}.`,
  );
  if (total === 0) {
    explanation.push('With no endpoints, requests get 503 (UH).');
    return { ...base, endpoints: eps, healthy, total, status: 'no_endpoints', explanation };
  }
  if (healthy === 0) {
    explanation.push(
      'No endpoint is healthy: Envoy enters panic mode and balances over all hosts anyway; expect failures, or 503 (UH) if no host can be used.',
    );
    return { ...base, endpoints: eps, healthy, total, status: 'no_healthy', explanation };
  }
  return { ...base, endpoints: eps, healthy, total, status: 'ok', explanation };
}
