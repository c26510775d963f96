import type { KialiGraphOptions } from './graphOptions';
import { kialiNodeId, newTrafficNode } from './kialiNodeId';
import { UNKNOWN, type TrafficMap } from './trafficMap';

/** What is deployed in a namespace, whether or not it has traffic. */
export interface NamespaceInventory {
  /** Service names. */
  services: readonly string[];
  /** Workloads with their `app` / `version` labels. */
  workloads: readonly { name: string; app?: string; version?: string }[];
}

/**
 * Kiali's idleNode appender: every service (service graphs, or when injecting service nodes) and
 * every workload (other graph types) of the namespace that has no node yet is added with
 * `isIdle`, so what receives no traffic is visible too.
 */
export function addIdleNodes(
  map: TrafficMap,
  namespace: string,
  cluster: string,
  inventory: NamespaceInventory,
  options: KialiGraphOptions,
): void {
  const { graphType } = options;
  if (graphType === 'service' || options.injectServiceNodes) {
    for (const name of inventory.services) {
      const who = {
        cluster,
        serviceNamespace: namespace,
        service: name,
        workloadNamespace: '',
        workload: '',
        app: '',
        version: '',
      };
      const id = kialiNodeId(who, graphType);
      if (!id || map.has(id.id)) continue;
      const node = newTrafficNode(id.id, id.nodeType, who, graphType);
      node.flags.isIdle = true;
      map.set(node.id, node);
    }
  }
  if (graphType === 'service') return;
  for (const w of inventory.workloads) {
    const who = {
      cluster,
      serviceNamespace: '',
      service: '',
      workloadNamespace: namespace,
      workload: w.name,
      app: w.app ?? UNKNOWN,
      version: w.version ?? UNKNOWN,
    };
    const id = kialiNodeId(who, graphType);
    if (!id || map.has(id.id)) continue;
    const node = newTrafficNode(id.id, id.nodeType, who, graphType);
    node.flags.isIdle = true;
    map.set(node.id, node);
  }
}
