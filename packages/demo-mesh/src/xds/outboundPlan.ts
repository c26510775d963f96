/** The outbound clusters every proxy gets: one per service port, plus one per DestinationRule subset. */
import type { DemoMesh, DemoPod, DemoService, DemoServicePort, DemoTrafficPolicy } from '../model';
import { indexMesh } from '../meshIndex';
import { clusterName, istioConfigPath } from './shared';

/** One outbound cluster to build (the cluster, its EDS assignment and its routes share it). */
export interface OutboundClusterPlan {
  name: string;
  service: DemoService;
  port: DemoServicePort;
  /** `''` for the whole service. */
  subset: string;
  /** The pods the cluster load-balances over. */
  pods: DemoPod[];
  /** The DestinationRule, as `filter_metadata.istio.config`, when one applies. */
  destinationRulePath?: string;
  /** Its traffic policy (applies to the service cluster and every subset). */
  trafficPolicy?: DemoTrafficPolicy;
}

const matches = (pod: DemoPod, labels: Record<string, string>): boolean =>
  Object.entries(labels).every(([k, v]) => pod.labels[k] === v);

const cache = new WeakMap<DemoMesh, OutboundClusterPlan[]>();

/** Every outbound cluster of the mesh, in service order (cached per mesh). */
export function outboundClusterPlans(mesh: DemoMesh): OutboundClusterPlan[] {
  const hit = cache.get(mesh);
  if (hit) return hit;
  const index = indexMesh(mesh);
  const plans: OutboundClusterPlan[] = [];
  for (const service of mesh.services) {
    const dr = index.destinationRuleByHost.get(service.hostname);
    const drPath = dr ? istioConfigPath('destination-rule', dr.namespace, dr.name) : undefined;
    const extra = {
      ...(drPath ? { destinationRulePath: drPath } : {}),
      ...(dr?.trafficPolicy ? { trafficPolicy: dr.trafficPolicy } : {}),
    };
    for (const port of service.ports) {
      plans.push({
        name: clusterName('outbound', port.port, '', service.hostname),
        service,
        port,
        subset: '',
        pods: service.pods,
        ...extra,
      });
      for (const subset of dr?.subsets ?? []) {
        plans.push({
          name: clusterName('outbound', port.port, subset.name, service.hostname),
          service,
          port,
          subset: subset.name,
          pods: service.pods.filter((p) => matches(p, subset.labels)),
          ...extra,
        });
      }
    }
  }
  cache.set(mesh, plans);
  return plans;
}
