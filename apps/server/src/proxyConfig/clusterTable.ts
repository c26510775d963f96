import type { Cluster } from '@meshlens/configdump';
import { goSortSlice } from './goSort';
import { clusterRow, sortKeyOf, subsetKeyLess } from '@meshlens/istioctl';
import { WIDE_LAYOUT, type Table } from './table';

/** The filters of `proxy-config cluster`. */
export interface ClusterFilter {
  fqdn?: string;
  port?: number;
  subset?: string;
  direction?: string;
}

/** The clusters istioctl lists: dynamic active ones, then static ones (warming ones are not shown). */
export function listedClusters(clusters: readonly Cluster[]): Cluster[] {
  return [
    ...clusters.filter((c) => c.state === 'active'),
    ...clusters.filter((c) => c.state === 'static'),
  ];
}

/**
 * istioctl's `ClusterFilter.Verify`: plain substring tests on the cluster name (so `--direction
 * inbound` also matches `inbound-vip|...`), `--port` as the `|port|` part of an Istio name.
 */
export function clusterMatches(cluster: Cluster, filter: ClusterFilter): boolean {
  const name = cluster.name;
  if (filter.fqdn && !name.includes(filter.fqdn)) return false;
  if (filter.direction && !name.includes(filter.direction)) return false;
  if (filter.subset && !name.includes(filter.subset)) return false;
  if (filter.port && !name.includes(`|${filter.port}|`)) return false;
  return true;
}

/** Clusters in istioctl's order: by host, subset, port, direction of the Istio name. */
export function sortClusters(clusters: readonly Cluster[]): Cluster[] {
  return goSortSlice(clusters, (a, b) => subsetKeyLess(sortKeyOf(a.name), sortKeyOf(b.name)));
}

/** The `proxy-config cluster` table. */
export function clusterTable(
  clusters: readonly Cluster[],
  options: { filter: ClusterFilter; includeConfigType: boolean },
): Table {
  const rows = sortClusters(clusters)
    .filter((c) => clusterMatches(c, options.filter))
    .map((c) => {
      const name = options.includeConfigType ? `cluster/${c.name}` : c.name;
      const r = clusterRow(c);
      // istioctl fills SERVICE FQDN of a non-Istio name from the already-prefixed name, hence
      // `cluster/agent` twice in `proxy-config all`; we reproduce it rather than "fix" it so the
      // outputs stay comparable.
      const fqdn = r.port === undefined ? name : r.fqdn;
      const port = r.port === undefined ? '-' : String(r.port);
      return [
        ...(options.includeConfigType ? [name] : []),
        fqdn,
        port,
        r.subset,
        r.direction,
        r.type,
        r.destinationRule,
      ];
    });
  const header = ['SERVICE FQDN', 'PORT', 'SUBSET', 'DIRECTION', 'TYPE', 'DESTINATION RULE'];
  return {
    header: options.includeConfigType ? ['NAME', ...header] : header,
    rows,
    layout: WIDE_LAYOUT,
  };
}
