import type { ConfigDump } from '@meshlens/configdump';
import { clusterRow, type ClusterRow as IstioctlClusterRow } from '@meshlens/istioctl';
import { nodeIdFor } from '@meshlens/proxy-graph';

/** One row of the cluster table: istioctl's `proxy-config cluster` cells and the graph node. */
export interface ClusterRow extends IstioctlClusterRow {
  nodeId: string;
}

/** Rows of the cluster table, for every cluster of the dump in dump order. */
export function clusterRows(dump: ConfigDump): ClusterRow[] {
  return dump.clusters.map((c) => ({
    ...clusterRow(c),
    nodeId: nodeIdFor({ kind: 'cluster', name: c.name }),
  }));
}
