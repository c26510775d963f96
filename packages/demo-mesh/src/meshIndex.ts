/** Lookup tables over a `DemoMesh`, built once per mesh (cached) so dump generation never scans. */
import type {
  DemoDestinationRule,
  DemoMesh,
  DemoPod,
  DemoService,
  DemoVirtualService,
} from './model';

/** Indexes of one mesh. */
export interface MeshIndex {
  serviceByHost: Map<string, DemoService>;
  podByName: Map<string, { pod: DemoPod; service: DemoService }>;
  /** Services whose pods include the pod (a pod can back several services). */
  servicesOfPod: Map<string, DemoService[]>;
  destinationRuleByHost: Map<string, DemoDestinationRule>;
  /** Mesh (sidecar) VirtualServices by the full host they apply to. */
  meshVirtualServiceByHost: Map<string, DemoVirtualService>;
  /** Gateway-bound VirtualServices by `namespace/gateway`. */
  virtualServicesByGateway: Map<string, DemoVirtualService[]>;
  /** Pods of a service per version label (`''` for unversioned pods). */
  podsByVersion: Map<DemoService, Map<string, DemoPod[]>>;
}

/** Resolves a short host (`reviews`) in `namespace` to its FQDN; FQDNs and `*` pass through. */
export function resolveHost(host: string, namespace: string): string {
  if (host === '*' || host.includes('.')) return host;
  return `${host}.${namespace}.svc.cluster.local`;
}

const cache = new WeakMap<DemoMesh, MeshIndex>();

/** The (cached) index of `mesh`. */
export function indexMesh(mesh: DemoMesh): MeshIndex {
  const hit = cache.get(mesh);
  if (hit) return hit;
  const index: MeshIndex = {
    serviceByHost: new Map(),
    podByName: new Map(),
    servicesOfPod: new Map(),
    destinationRuleByHost: new Map(),
    meshVirtualServiceByHost: new Map(),
    virtualServicesByGateway: new Map(),
    podsByVersion: new Map(),
  };
  for (const service of mesh.services) {
    index.serviceByHost.set(service.hostname, service);
    const byVersion = new Map<string, DemoPod[]>();
    for (const pod of service.pods) {
      if (!index.podByName.has(pod.name)) index.podByName.set(pod.name, { pod, service });
      const list = index.servicesOfPod.get(pod.name) ?? [];
      list.push(service);
      index.servicesOfPod.set(pod.name, list);
      const version = pod.labels.version ?? '';
      const pods = byVersion.get(version) ?? [];
      pods.push(pod);
      byVersion.set(version, pods);
    }
    index.podsByVersion.set(service, byVersion);
  }
  for (const dr of mesh.destinationRules) {
    index.destinationRuleByHost.set(resolveHost(dr.host, dr.namespace), dr);
  }
  for (const vs of mesh.virtualServices) {
    if (vs.gateways && vs.gateways.length > 0) {
      for (const gw of vs.gateways) {
        const list = index.virtualServicesByGateway.get(gw) ?? [];
        list.push(vs);
        index.virtualServicesByGateway.set(gw, list);
      }
    } else {
      for (const host of vs.hosts)
        index.meshVirtualServiceByHost.set(resolveHost(host, vs.namespace), vs);
    }
  }
  cache.set(mesh, index);
  return index;
}
