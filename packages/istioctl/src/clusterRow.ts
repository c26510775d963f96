import type { Cluster } from '@meshlens/configdump';
import { describeIstioConfig } from './describeIstioConfig';
import { isSubsetKey, parseSubsetKey } from './subsetKey';

/** A row of the `proxy-config cluster` table. */
export interface ClusterRow {
  /** Envoy `Cluster.name` (not a column; filters and links use it). */
  name: string;
  /** SERVICE FQDN: the host of an Istio cluster name, else the whole name. */
  fqdn: string;
  /** PORT: the port of an Istio cluster name (0 when not numeric), undefined (`-`) for other names. */
  port: number | undefined;
  /** SUBSET: the subset of an Istio cluster name, `-` when empty or not an Istio name. */
  subset: string;
  /** DIRECTION: `outbound`, `inbound`..., `-` for other names. */
  direction: string;
  /** TYPE: Envoy's discovery type. */
  type: string;
  /** DESTINATION RULE: `name.namespace` from the cluster's `istio.config` metadata. */
  destinationRule: string;
}

// The values of Envoy's `Cluster.DiscoveryType` enum. A cluster with `cluster_type` (aggregate,
// dynamic forward proxy...) has no `type`, and istioctl's `GetType()` then reports the enum's zero
// value, STATIC; we print the same.
const DISCOVERY_TYPES = new Set(['STATIC', 'STRICT_DNS', 'LOGICAL_DNS', 'EDS', 'ORIGINAL_DST']);

/** The TYPE column as istioctl prints it. */
export function clusterType(cluster: Cluster): string {
  return DISCOVERY_TYPES.has(cluster.type) ? cluster.type : 'STATIC';
}

/** The row of one cluster; the name is decoded with istioctl's `ParseSubsetKey` rules. */
export function clusterRow(cluster: Cluster): ClusterRow {
  const common = {
    name: cluster.name,
    type: clusterType(cluster),
    destinationRule: describeIstioConfig(cluster.istioConfig, cluster.raw),
  };
  if (!isSubsetKey(cluster.name)) {
    return { ...common, fqdn: cluster.name, port: undefined, subset: '-', direction: '-' };
  }
  const key = parseSubsetKey(cluster.name);
  return {
    ...common,
    fqdn: key.host,
    port: key.port,
    subset: key.subset === '' ? '-' : key.subset,
    direction: key.direction,
  };
}
