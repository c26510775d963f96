import { type ClusterEndpoints, type Endpoint, formatAddress } from '@meshlens/configdump';
import { endpointRow, sortKeyOf, subsetKeyLess } from '@meshlens/istioctl';
import { goSortSlice } from './goSort';
import { WIDE_LAYOUT, type Table } from './table';

/** The filters of `proxy-config endpoint`. */
export interface EndpointFilter {
  /** Host IP (or the whole printed address). */
  address?: string;
  port?: number;
  /** Cluster name, case-insensitive. */
  cluster?: string;
  /** Health status name (`healthy`, `UNHEALTHY`...), case-insensitive. */
  status?: string;
}

/** istioctl's `EndpointFilter.Verify`. */
export function endpointMatches(
  endpoint: Endpoint,
  cluster: string,
  filter: EndpointFilter,
): boolean {
  const a = endpoint.address;
  if (filter.address) {
    const wanted = filter.address.toLowerCase();
    const ip = a.kind === 'socket' ? a.ip.toLowerCase() : undefined;
    if (wanted !== ip && wanted !== formatAddress(a, 'istioctl').toLowerCase()) return false;
  }
  if (filter.port && (a.kind !== 'socket' || a.port !== filter.port)) return false;
  if (filter.cluster && filter.cluster.toLowerCase() !== cluster.toLowerCase()) return false;
  if (filter.status && filter.status.toLowerCase() !== endpoint.healthStatus.toLowerCase())
    return false;
  return true;
}

/** The endpoint table of a config dump (EDS section): ENDPOINT / STATUS / LOCALITY / CLUSTER. */
export function endpointTable(
  assignments: readonly ClusterEndpoints[],
  options: { filter: EndpointFilter; includeConfigType: boolean },
): Table {
  const sorted = goSortSlice(assignments, (a, b) =>
    subsetKeyLess(sortKeyOf(a.clusterName), sortKeyOf(b.clusterName)),
  );
  const rows: string[][] = [];
  for (const cla of sorted) {
    for (const ep of cla.endpoints) {
      if (!endpointMatches(ep, cla.clusterName, options.filter)) continue;
      const r = endpointRow(cla.clusterName, ep);
      rows.push([
        options.includeConfigType ? `endpoint/${r.endpoint}` : r.endpoint,
        r.status,
        r.locality,
        r.cluster,
      ]);
    }
  }
  return {
    header: [options.includeConfigType ? 'NAME' : 'ENDPOINT', 'STATUS', 'LOCALITY', 'CLUSTER'],
    rows,
    layout: WIDE_LAYOUT,
  };
}

/**
 * The endpoint table of an Envoy admin `/clusters?format=json` capture (what `istioctl proxy-config
 * endpoint` reads from a live pod): ENDPOINT / STATUS / OUTLIER CHECK / CLUSTER, sorted by
 * address text, port, cluster. A pipe's address text is `unix://<path>` and has port 0.
 */
export function adminEndpointTable(
  clusters: readonly ClusterEndpoints[],
  filter: EndpointFilter,
): Table {
  const entries: { address: string; port: number; cluster: string; endpoint: Endpoint }[] = [];
  for (const c of clusters) {
    for (const ep of c.endpoints) {
      if (!endpointMatches(ep, c.clusterName, filter)) continue;
      const a = ep.address;
      const address = a.kind === 'socket' ? a.ip : formatAddress(a, 'istioctl');
      const port = a.kind === 'socket' ? (a.port ?? 0) : 0;
      entries.push({ address, port, cluster: c.clusterName, endpoint: ep });
    }
  }
  const sorted = goSortSlice(entries, (x, y) => {
    if (x.address !== y.address) return x.address < y.address;
    if (x.port !== y.port) return x.port < y.port;
    return x.cluster < y.cluster;
  });
  return {
    header: ['ENDPOINT', 'STATUS', 'OUTLIER CHECK', 'CLUSTER'],
    rows: sorted.map((e) => [
      e.port !== 0 ? `${e.address}:${e.port}` : e.address,
      e.endpoint.healthStatus,
      e.endpoint.outlierCheck ?? 'OK',
      e.cluster,
    ]),
    layout: WIDE_LAYOUT,
  };
}
