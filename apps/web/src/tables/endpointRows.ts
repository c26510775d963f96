import type { ConfigDump } from '@meshlens/configdump';
import { endpointRow, type EndpointRow as IstioctlEndpointRow } from '@meshlens/istioctl';
import { formatAddress as graphAddress, nodeIdFor } from '@meshlens/proxy-graph';

/** One row of the endpoint table: istioctl's `proxy-config endpoint` cells and the graph node. */
export interface EndpointRow extends IstioctlEndpointRow {
  nodeId: string;
}

/**
 * Rows of the endpoint table: one per upstream host of each load assignment of the dump, the
 * inline ones of static clusters included (istioctl lists only the EDS section).
 */
export function endpointRows(dump: ConfigDump): EndpointRow[] {
  const rows: EndpointRow[] = [];
  for (const ce of dump.endpoints) {
    for (const e of ce.endpoints) {
      rows.push({
        ...endpointRow(ce.clusterName, e),
        // The graph keys endpoints by its own short address form (e.g. `unix:/path`).
        nodeId: nodeIdFor({
          kind: 'endpoint',
          cluster: ce.clusterName,
          address: graphAddress(e.address),
        }),
      });
    }
  }
  return rows;
}
