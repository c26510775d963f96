import type { ConfigDump } from '@meshlens/configdump';
import { nodeIdFor } from '@meshlens/proxy-graph';

/** One row of the cluster table, as `istioctl proxy-config cluster`. */
export interface ClusterRow {
  /** Full Envoy cluster name (not an istioctl column; found by the filter through the node id). */
  name: string;
  fqdn: string;
  /** Port, or undefined (`-`) for clusters without Istio's name shape. */
  port: number | undefined;
  subset: string;
  direction: string;
  type: string;
  /** `name.namespace` of the DestinationRule behind the cluster. */
  destinationRule: string;
  nodeId: string;
}

/** Rows of the cluster table. */
export function clusterRows(dump: ConfigDump): ClusterRow[] {
  return dump.clusters.map((c) => {
    const n = c.istioName;
    return {
      name: c.name,
      fqdn: n?.host || c.name,
      port: n?.port,
      subset: n?.subset || '-',
      direction: n?.direction || '-',
      type: c.type,
      destinationRule: c.istioConfig ? `${c.istioConfig.name}.${c.istioConfig.namespace}` : '',
      nodeId: nodeIdFor({ kind: 'cluster', name: c.name }),
    };
  });
}
