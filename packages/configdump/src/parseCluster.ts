import { field, mapObjs, num, obj, objArr, str, strArr, typeUrl } from './fields';
import { istioConfigOf } from './istioMetadata';
import type {
  CircuitBreakerThresholds,
  Cluster,
  ClusterEndpoints,
  ClusterTls,
  JsonObject,
  ResourceMeta,
} from './model';
import { parseClusterLoadAssignment, parseLegacyHosts } from './parseEndpoints';
import { parseIstioClusterName } from './parseIstioClusterName';
import { applyMeta } from './resourceMeta';

const CLUSTER_TYPES = ['STATIC', 'STRICT_DNS', 'LOGICAL_DNS', 'EDS', 'ORIGINAL_DST'];
const LB_POLICIES = [
  'ROUND_ROBIN',
  'LEAST_REQUEST',
  'RING_HASH',
  'RANDOM',
  'ORIGINAL_DST_LB',
  'MAGLEV',
  'CLUSTER_PROVIDED',
  'LOAD_BALANCING_POLICY_CONFIG',
];

function enumName(v: unknown, names: string[], dflt: string): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return names[v] ?? String(v);
  return dflt;
}

/** The `UpstreamTlsContext` inside a transport socket, looking through wrapper sockets. */
function upstreamTls(ts: JsonObject, depth = 0): { name: string; ctx: JsonObject } | undefined {
  const name = str(ts, 'name') ?? '';
  const tc = obj(ts, 'typed_config') ?? obj(ts, 'config');
  if (!tc) return undefined;
  const t = typeUrl(tc);
  if (
    (t !== undefined && t.endsWith('.UpstreamTlsContext')) ||
    name === 'envoy.transport_sockets.tls' ||
    name === 'tls'
  ) {
    return { name: name || 'envoy.transport_sockets.tls', ctx: tc };
  }
  // internal_upstream, tap, etc. wrap another `transport_socket`.
  const inner = obj(tc, 'transport_socket');
  return inner && depth < 4 ? upstreamTls(inner, depth + 1) : undefined;
}

/** SDS secret names a `CommonTlsContext` uses (certificates, then the validation context). */
export function sdsNames(common: JsonObject): string[] {
  const names: string[] = [];
  for (const s of objArr(common, 'tls_certificate_sds_secret_configs')) {
    const n = str(s, 'name');
    if (n !== undefined) names.push(n);
  }
  const combined = obj(common, 'combined_validation_context');
  const vsds =
    obj(common, 'validation_context_sds_secret_config') ??
    (combined && obj(combined, 'validation_context_sds_secret_config'));
  const vn = vsds && str(vsds, 'name');
  if (vn !== undefined) names.push(vn);
  return names;
}

function clusterTls(c: JsonObject): ClusterTls | undefined {
  let found: { name: string; ctx: JsonObject } | undefined;
  let istioMutual = false;
  const ts = obj(c, 'transport_socket');
  if (ts) found = upstreamTls(ts);
  // Istio auto-mTLS: a transport socket match on endpoint metadata `tlsMode: istio`.
  for (const m of objArr(c, 'transport_socket_matches')) {
    const match = obj(m, 'match');
    if (match && str(match, 'tlsMode') === 'istio') {
      istioMutual = true;
      const mts = obj(m, 'transport_socket');
      if (!found && mts) found = upstreamTls(mts);
    }
  }
  // v2 put the UpstreamTlsContext straight on the cluster.
  const legacy = obj(c, 'tls_context');
  if (!found && legacy) found = { name: 'envoy.transport_sockets.tls', ctx: legacy };
  if (!found) return undefined;
  const common = obj(found.ctx, 'common_tls_context') ?? {};
  // Istio's own mTLS advertises ALPN `istio` / `istio-peer-exchange`.
  const alpn = strArr(common, 'alpn_protocols');
  if (alpn.includes('istio') || alpn.includes('istio-peer-exchange')) istioMutual = true;
  const tls: ClusterTls = {
    transportSocket: found.name,
    sdsSecrets: sdsNames(common),
    istioMutual,
  };
  const sni = str(found.ctx, 'sni');
  if (sni) tls.sni = sni;
  return tls;
}

function circuitBreakers(c: JsonObject): CircuitBreakerThresholds[] {
  const cb = obj(c, 'circuit_breakers');
  if (!cb) return [];
  return mapObjs(cb, 'thresholds', (t) => {
    const p = field(t, 'priority');
    const out: CircuitBreakerThresholds = {
      priority: p === 'HIGH' || p === 1 ? 'HIGH' : 'DEFAULT',
    };
    const mc = num(t, 'max_connections');
    if (mc !== undefined) out.maxConnections = mc;
    const mp = num(t, 'max_pending_requests');
    if (mp !== undefined) out.maxPendingRequests = mp;
    const mr = num(t, 'max_requests');
    if (mr !== undefined) out.maxRequests = mr;
    const mt = num(t, 'max_retries');
    if (mt !== undefined) out.maxRetries = mt;
    return out;
  });
}

/** Reads a `Cluster`, plus its static endpoints when it carries a `load_assignment`. */
export function parseCluster(
  c: JsonObject,
  meta: ResourceMeta,
): { cluster: Cluster; endpoints?: ClusterEndpoints } {
  const name = str(c, 'name') ?? '';
  const ct = obj(c, 'cluster_type');
  const cluster: Cluster = {
    state: meta.state,
    name,
    type: ct ? (str(ct, 'name') ?? 'CUSTOM') : enumName(field(c, 'type'), CLUSTER_TYPES, 'STATIC'),
    lbPolicy: enumName(field(c, 'lb_policy'), LB_POLICIES, 'ROUND_ROBIN'),
    circuitBreakers: circuitBreakers(c),
    aggregateClusters: [],
    raw: c,
  };
  applyMeta(cluster, meta);
  const eds = obj(c, 'eds_cluster_config');
  const svc = eds && str(eds, 'service_name');
  if (svc) cluster.edsServiceName = svc;
  const ctimeout = str(c, 'connect_timeout');
  if (ctimeout !== undefined) cluster.connectTimeout = ctimeout;
  const tls = clusterTls(c);
  if (tls) cluster.tls = tls;
  const od = field(c, 'outlier_detection');
  if (od !== undefined) cluster.outlierDetection = od;
  const istioName = parseIstioClusterName(name);
  if (istioName) cluster.istioName = istioName;
  const istioConfig = istioConfigOf(c);
  if (istioConfig) cluster.istioConfig = istioConfig;
  const tc = ct && obj(ct, 'typed_config');
  if (tc && (cluster.type === 'envoy.clusters.aggregate' || typeUrl(tc)?.includes('.aggregate.'))) {
    cluster.aggregateClusters = strArr(tc, 'clusters');
  }
  const la = obj(c, 'load_assignment');
  if (la) return { cluster, endpoints: parseClusterLoadAssignment(la, 'static', name) };
  const hosts = field(c, 'hosts');
  if (Array.isArray(hosts) && hosts.length > 0) {
    return { cluster, endpoints: parseLegacyHosts(name, hosts, c) };
  }
  return { cluster };
}
