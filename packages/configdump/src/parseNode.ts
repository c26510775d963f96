import { field, isObject, num, obj, str } from './fields';
import type { JsonObject, ProxyNode, ProxyType } from './model';

const PROXY_TYPES = new Set<ProxyType>(['sidecar', 'router', 'waypoint', 'ztunnel']);

/**
 * Envoy's version the way istioctl prints it ("Envoy Version"):
 * `user_agent_build_version` -> `1.18.3/Clean/RELEASE/BoringSSL` (major.minor.patch, `-label`,
 * then revision status, build type and SSL library, each only when present); the older
 * `build_version` string `<sha>/1.12.0-dev/Clean/RELEASE/BoringSSL` -> everything after the sha;
 * neither -> `0.0.0` (istioctl prints the zero version then, e.g. for Istio 1.21 waypoints).
 */
export function envoyVersionOf(node: JsonObject): string {
  const ua = obj(node, 'user_agent_build_version');
  if (ua) {
    const v = obj(ua, 'version') ?? {};
    let out = `${num(v, 'major_number') ?? 0}.${num(v, 'minor_number') ?? 0}.${num(v, 'patch') ?? 0}`;
    const md = obj(ua, 'metadata') ?? {};
    const label = md['build.label'];
    if (typeof label === 'string') out += `-${label}`;
    for (const key of ['revision.status', 'build.type', 'ssl.version']) {
      const val = md[key];
      if (typeof val === 'string') out += `/${val}`;
    }
    return out;
  }
  const bv = str(node, 'build_version');
  if (bv !== undefined) {
    const slash = bv.indexOf('/');
    return slash >= 0 ? bv.slice(slash + 1) : bv;
  }
  return '0.0.0';
}

/** Reads the bootstrap `node`, with what Istio encodes in its id and metadata. */
export function parseNode(node: JsonObject): ProxyNode {
  const id = str(node, 'id') ?? '';
  const md = obj(node, 'metadata') ?? {};
  // Istio ids: `sidecar~10.1.2.3~productpage-v1-abc.default~default.svc.cluster.local`.
  const parts = id.split('~');
  const prefix = parts.length >= 4 ? parts[0] : undefined;
  const proxyType: ProxyType =
    prefix !== undefined && PROXY_TYPES.has(prefix as ProxyType)
      ? (prefix as ProxyType)
      : 'unknown';
  const out: ProxyNode = { id, proxyType, labels: {}, raw: node };
  const cluster = str(node, 'cluster');
  if (cluster) out.cluster = cluster;

  let podName = str(md, 'NAME');
  let namespace = str(md, 'NAMESPACE');
  let ip = str(md, 'INSTANCE_IPS')?.split(',')[0]?.trim();
  if (prefix !== undefined) {
    const podNs = parts[2] ?? '';
    // Pod names may contain dots, namespaces cannot: split at the last one.
    const dot = podNs.lastIndexOf('.');
    podName ??= dot > 0 ? podNs.slice(0, dot) : podNs || undefined;
    namespace ??= dot > 0 ? podNs.slice(dot + 1) : (parts[3] ?? '').split('.')[0] || undefined;
    ip ||= parts[1] || undefined;
  }
  if (podName) out.podName = podName;
  if (namespace) out.namespace = namespace;
  if (ip) out.ip = ip;

  const iv = str(md, 'ISTIO_VERSION');
  if (iv) out.istioVersion = iv;
  const sha = str(md, 'ISTIO_PROXY_SHA');
  // istioctl prints the sha without the `istio-proxy:` prefix older proxies put in front.
  if (sha)
    out.istioProxySha = sha.startsWith('istio-proxy:') ? sha.slice('istio-proxy:'.length) : sha;
  out.envoyVersion = envoyVersionOf(node);
  const mesh = str(md, 'MESH_ID');
  if (mesh) out.meshId = mesh;
  const cid = str(md, 'CLUSTER_ID');
  if (cid) out.clusterId = cid;
  const labels = field(md, 'LABELS');
  if (isObject(labels)) {
    for (const [k, v] of Object.entries(labels)) if (typeof v === 'string') out.labels[k] = v;
  }
  return out;
}
