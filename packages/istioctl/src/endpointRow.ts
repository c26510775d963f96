import { type Endpoint, formatAddress } from '@meshlens/configdump';
import { formatLocality } from './formatLocality';

/** A row of the `proxy-config endpoint` table of a config dump (its EDS section). */
export interface EndpointRow {
  /** ENDPOINT: `ip:port`, `unix://path` or `envoy://listener/id`, as istioctl prints it. */
  endpoint: string;
  /** STATUS: Envoy's `health_status` name. */
  status: string;
  /** LOCALITY: `region/zone/sub-zone`. */
  locality: string;
  /** CLUSTER: the `cluster_name` of the load assignment. */
  cluster: string;
}

/** The row of one endpoint of the load assignment of `clusterName`. */
export function endpointRow(clusterName: string, endpoint: Endpoint): EndpointRow {
  return {
    endpoint: formatAddress(endpoint.address, 'istioctl'),
    status: endpoint.healthStatus,
    locality: formatLocality(endpoint.locality),
    cluster: clusterName,
  };
}
