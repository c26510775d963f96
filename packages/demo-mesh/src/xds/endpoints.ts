/** EDS: the `ClusterLoadAssignment` of each outbound cluster, endpoints grouped by locality. */
import type { JsonObject } from '@meshlens/configdump';
import type { DemoPod } from '../model';
import type { OutboundClusterPlan } from './outboundPlan';
import { TYPE, socketAddress } from './shared';

const POLICY: JsonObject = { overprovisioning_factor: 140 };
const TLS_MODE_ISTIO: JsonObject = { tlsMode: 'istio' };

/** One `lb_endpoints` entry. Pods with a sidecar advertise `tlsMode: istio` (auto mTLS). */
function lbEndpoint(pod: DemoPod, targetPort: number, clusterId: string): JsonObject {
  const app = pod.labels['service.istio.io/canonical-name'] ?? pod.labels.app ?? '';
  const version = pod.labels.version ?? 'latest';
  // Istio's workload metadata: name;namespace;canonical service;canonical revision;cluster.
  const workloadName = pod.name.split('-').slice(0, -2).join('-');
  const metadata: JsonObject = {
    istio: { workload: `${workloadName};${pod.namespace};${app};${version};${clusterId}` },
  };
  if (pod.proxyType === 'sidecar') metadata['envoy.transport_socket_match'] = TLS_MODE_ISTIO;
  return {
    endpoint: { address: socketAddress(pod.ip, targetPort), health_check_config: {} },
    health_status: pod.health,
    metadata: { filter_metadata: metadata },
    load_balancing_weight: 1,
  };
}

/** The load assignment of an outbound cluster (an empty `endpoints` list when no pod matches). */
export function clusterLoadAssignment(plan: OutboundClusterPlan, clusterId: string): JsonObject {
  const byLocality = new Map<string, { locality: DemoPod['locality']; endpoints: JsonObject[] }>();
  for (const pod of plan.pods) {
    const key = `${pod.locality.region}/${pod.locality.zone}`;
    let group = byLocality.get(key);
    if (!group) {
      group = { locality: pod.locality, endpoints: [] };
      byLocality.set(key, group);
    }
    group.endpoints.push(lbEndpoint(pod, plan.port.targetPort, clusterId));
  }
  const endpoints = [...byLocality.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, g]) => ({
      locality: { region: g.locality.region, zone: g.locality.zone },
      lb_endpoints: g.endpoints,
      load_balancing_weight: g.endpoints.length,
    }));
  return {
    '@type': TYPE.clusterLoadAssignment,
    cluster_name: plan.name,
    endpoints,
    policy: POLICY,
  };
}
