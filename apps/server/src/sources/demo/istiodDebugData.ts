import type { JsonObject, JsonValue } from '@meshlens/configdump';
import {
  ISTIO_VERSION,
  type DemoMesh,
  type DemoProxy,
  type DemoVirtualService,
} from '@meshlens/demo-mesh';

/** FNV-1a, for deterministic nonces. */
function fnv(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** A nonce in istiod's `<push version>-<uuid-ish>` style, stable for (proxy, type, generation). */
function nonce(proxyId: string, type: string, generation: number): string {
  const a = fnv(`${proxyId}/${type}/${generation}`);
  const b = fnv(`${a}/${type}`);
  return `2026-01-01T00:00:${String(generation).padStart(2, '0')}Z/${generation}-${a}-${b.slice(0, 4)}-${b.slice(4)}-${a.slice(0, 4)}`;
}

/** Which proxy the simulator shows out of sync: reviews v2's sidecar, else the second proxy. */
export function pickStaleProxy(mesh: DemoMesh): DemoProxy | undefined {
  return mesh.proxies.find((p) => p.app === 'reviews' && p.version === 'v2') ?? mesh.proxies[1];
}

export const proxyIdOf = (p: DemoProxy): string => `${p.podName}.${p.namespace}`;

/**
 * `/debug/syncz` in the JSON shape istiod serves on its HTTP debug port. Every proxy is in sync on
 * every type, except the stale proxy: istiod pushed a new CDS and LDS it has not acknowledged yet
 * (it still acks the previous nonce). ECDS is not used by the demo, so it is never sent.
 */
export function demoSyncz(mesh: DemoMesh): JsonObject[] {
  const stale = pickStaleProxy(mesh);
  return mesh.proxies.map((proxy) => {
    const id = proxyIdOf(proxy);
    const isStale = proxy === stale;
    const entry: JsonObject = {
      cluster_id: mesh.clusterId,
      proxy: id,
      proxy_type: proxy.proxyType,
      istio_version: ISTIO_VERSION,
    };
    for (const type of ['cluster', 'listener', 'route', 'endpoint']) {
      const behind = isStale && (type === 'cluster' || type === 'listener');
      entry[`${type}_sent`] = nonce(id, type, behind ? 24 : 23);
      entry[`${type}_acked`] = nonce(id, type, 23);
    }
    return entry;
  });
}

/**
 * istiod's `/debug/config_dump?proxyID=` for a proxy: the proxy's own dump, except for the stale
 * proxy, where istiod already holds the newer config it pushed: a shorter `connect_timeout` on one
 * outbound cluster. That is the difference the sync diff shows.
 */
export function demoIstiodConfigDump(mesh: DemoMesh, proxy: DemoProxy): JsonObject {
  if (proxy !== pickStaleProxy(mesh)) return proxy.dump;
  const copy = structuredClone(proxy.dump);
  const configs = Array.isArray(copy.configs) ? copy.configs : [];
  for (const section of configs) {
    if (!isObject(section) || !String(section['@type']).endsWith('ClustersConfigDump')) continue;
    const active = Array.isArray(section.dynamic_active_clusters)
      ? section.dynamic_active_clusters
      : [];
    const target = active.find(
      (e) => isObject(e) && isObject(e.cluster) && String(e.cluster.name).startsWith('outbound|'),
    );
    if (isObject(target) && isObject(target.cluster)) {
      target.cluster.connect_timeout = '5s';
      target.version_info = '2026-01-01T00:00:24Z/24';
    }
  }
  return copy;
}

function isObject(v: JsonValue | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `/debug/registryz`: the mesh's services in istiod's `model.Service` JSON shape. */
export function demoRegistryz(mesh: DemoMesh): JsonObject[] {
  return mesh.services.map((s) => ({
    Attributes: {
      ServiceRegistry: 'Kubernetes',
      Name: s.name,
      Namespace: s.namespace,
      Labels: null,
      ExportTo: null,
      LabelSelectors: s.pods[0]?.labels.app ? { app: s.pods[0].labels.app } : null,
      ClusterExternalAddresses: { Addresses: null },
      ClusterExternalPorts: null,
    },
    ports: s.ports.map((p) => ({ name: p.name, port: p.port, protocol: p.protocol })),
    creationTime: mesh.now,
    hostname: s.hostname,
    clusterVIPs: { Addresses: { [mesh.clusterId]: [s.clusterIP] } },
    defaultAddress: s.clusterIP,
    Resolution: 0,
    MeshExternal: false,
    ResourceVersion: '',
  }));
}

/**
 * A demo VirtualService in Istio's own `spec` shape: destinations under `route[].destination` with
 * `port.number`, header matches as `{ name: { exact } }`, retries as `attempts`/`perTryTimeout`.
 */
function virtualServiceSpec(vs: DemoVirtualService): unknown {
  return {
    hosts: vs.hosts,
    ...(vs.gateways ? { gateways: vs.gateways } : {}),
    http: vs.http.map((r) => ({
      ...(r.name !== undefined ? { name: r.name } : {}),
      ...(r.match
        ? {
            match: r.match.map((m) => ({
              ...(m.uri ? { uri: m.uri } : {}),
              ...(m.port !== undefined ? { port: m.port } : {}),
              ...(m.headers
                ? {
                    headers: Object.fromEntries(
                      Object.entries(m.headers).map(([k, v]) => [k, { exact: v }]),
                    ),
                  }
                : {}),
            })),
          }
        : {}),
      route: r.route.map((d) => ({
        destination: {
          host: d.host,
          ...(d.subset !== undefined ? { subset: d.subset } : {}),
          port: { number: d.port },
        },
        ...(d.weight !== undefined ? { weight: d.weight } : {}),
      })),
      ...(r.timeout !== undefined ? { timeout: r.timeout } : {}),
      ...(r.retries ? { retries: r.retries } : {}),
    })),
  };
}

/** `/debug/configz`: the Istio config objects behind the mesh (VirtualServices, DestinationRules, Gateways). */
export function demoConfigz(mesh: DemoMesh): JsonValue[] {
  const meta = (name: string, namespace: string): JsonObject => ({
    name,
    namespace,
    creationTimestamp: mesh.now,
  });
  const json = (v: unknown): JsonValue => JSON.parse(JSON.stringify(v)) as JsonValue;
  return [
    ...mesh.virtualServices.map((vs) => ({
      kind: 'VirtualService',
      apiVersion: 'networking.istio.io/v1',
      metadata: meta(vs.name, vs.namespace),
      spec: json(virtualServiceSpec(vs)),
    })),
    ...mesh.destinationRules.map(({ name, namespace, ...spec }) => ({
      kind: 'DestinationRule',
      apiVersion: 'networking.istio.io/v1',
      metadata: meta(name, namespace),
      spec: json(spec),
    })),
    ...mesh.gateways.map(({ name, namespace, ...spec }) => ({
      kind: 'Gateway',
      apiVersion: 'networking.istio.io/v1',
      metadata: meta(name, namespace),
      spec: json(spec),
    })),
  ];
}
