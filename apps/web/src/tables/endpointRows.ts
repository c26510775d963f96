import { type ConfigDump, type Endpoint, formatAddress } from '@meshlens/configdump';
import { formatAddress as graphAddress, nodeIdFor } from '@meshlens/proxy-graph';

/** One row of the endpoint table, as `istioctl proxy-config endpoint`. */
export interface EndpointRow {
  endpoint: string;
  status: string;
  locality: string;
  cluster: string;
  nodeId: string;
}

function localityText(e: Endpoint): string {
  const l = e.locality;
  if (!l) return '';
  return [l.region, l.zone, l.subZone].filter((s) => s !== undefined && s !== '').join('/');
}

/** Rows of the endpoint table: one per upstream host of each cluster. */
export function endpointRows(dump: ConfigDump): EndpointRow[] {
  const rows: EndpointRow[] = [];
  for (const ce of dump.endpoints) {
    for (const e of ce.endpoints) {
      const address = formatAddress(e.address);
      rows.push({
        endpoint: address,
        status: e.outlierCheck === 'FAILED' ? `${e.healthStatus} (ejected)` : e.healthStatus,
        locality: localityText(e),
        cluster: ce.clusterName,
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
