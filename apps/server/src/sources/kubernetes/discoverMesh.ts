import type { V1Container, V1Pod } from '@kubernetes/client-node';

/** A pod running an Envoy that Istio manages. */
export interface DiscoveredProxy {
  /** `<pod>.<namespace>`. */
  id: string;
  name: string;
  namespace: string;
  /** `sidecar`, `router` (gateway) or `waypoint`. */
  type: 'sidecar' | 'router' | 'waypoint';
  /** Istio version from the proxy image tag, when it has one. */
  istioVersion?: string;
  podIP?: string;
  /** Container to exec into for the pilot-agent fallback. */
  container: string;
}

/** An istiod pod. */
export interface DiscoveredIstiod {
  name: string;
  namespace: string;
  /** `istio.io/rev` label (`default` when absent). */
  revision: string;
}

const PROXY_CONTAINER = 'istio-proxy';

/** The proxy container: a regular container, or (Istio >= 1.19 native sidecars) an init container that keeps running. */
function proxyContainer(pod: V1Pod): V1Container | undefined {
  const regular = pod.spec?.containers.find((c) => c.name === PROXY_CONTAINER);
  if (regular) return regular;
  return pod.spec?.initContainers?.find(
    (c) => c.name === PROXY_CONTAINER && c.restartPolicy === 'Always',
  );
}

/** `docker.io/istio/proxyv2:1.24.2-distroless` -> `1.24.2`. */
function versionFromImage(image: string | undefined): string | undefined {
  const tag = image?.split('@')[0]?.split('/').pop()?.split(':')[1];
  return tag && /^\d+\.\d+/.test(tag)
    ? (tag.match(/^\d+\.\d+(\.\d+)?(-(alpha|beta|rc)\.?\d*)?/)?.[0] ?? tag)
    : undefined;
}

function proxyType(pod: V1Pod, container: V1Container): DiscoveredProxy['type'] {
  const args = container.args ?? [];
  const labels = pod.metadata?.labels ?? {};
  if (
    args.includes('waypoint') ||
    labels['gateway.istio.io/managed'] === 'istio.io-mesh-controller'
  )
    return 'waypoint';
  if (args.includes('router')) return 'router';
  if (
    labels['gateway.networking.k8s.io/gateway-name'] ||
    labels.istio === 'ingressgateway' ||
    labels.istio === 'egressgateway'
  )
    return 'router';
  return 'sidecar';
}

/** Running, scheduled, not being deleted: a proxy that can answer. */
function isLive(pod: V1Pod): boolean {
  return (
    pod.status?.phase === 'Running' &&
    !pod.metadata?.deletionTimestamp &&
    Boolean(pod.metadata?.name && pod.metadata.namespace)
  );
}

/**
 * The mesh's proxies among `pods`: every running pod with an `istio-proxy` container (sidecars,
 * gateways, waypoints), sorted by id. Pods being deleted or not yet running are left out.
 */
export function discoverProxies(pods: readonly V1Pod[]): DiscoveredProxy[] {
  const out: DiscoveredProxy[] = [];
  for (const pod of pods) {
    if (!isLive(pod)) continue;
    const container = proxyContainer(pod);
    if (!container) continue;
    const name = pod.metadata!.name!;
    const namespace = pod.metadata!.namespace!;
    const version = versionFromImage(container.image);
    out.push({
      id: `${name}.${namespace}`,
      name,
      namespace,
      type: proxyType(pod, container),
      container: container.name,
      ...(version ? { istioVersion: version } : {}),
      ...(pod.status?.podIP ? { podIP: pod.status.podIP } : {}),
    });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Running istiod pods (`app=istiod`, or the older `istio=pilot`), in any namespace. */
export function discoverIstiods(pods: readonly V1Pod[]): DiscoveredIstiod[] {
  return pods
    .filter((pod) => isLive(pod))
    .filter((pod) => {
      const labels = pod.metadata?.labels ?? {};
      return labels.app === 'istiod' || labels.istio === 'pilot';
    })
    .map((pod) => ({
      name: pod.metadata!.name!,
      namespace: pod.metadata!.namespace!,
      revision: pod.metadata?.labels?.['istio.io/rev'] ?? 'default',
    }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** Namespaces that have at least one proxy, sorted. */
export function meshNamespaces(proxies: readonly DiscoveredProxy[]): string[] {
  return [...new Set(proxies.map((p) => p.namespace))].sort();
}
