import type { Address, ClusterEndpoints, Endpoint } from '@meshlens/configdump';
import { goSortSlice } from './goSort';
import { sortKeyOf, subsetKeyLess } from './subsetKey';
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

/** An endpoint address as istioctl prints it: `ip:port`, `unix://path`, `envoy://listener/id`. */
export function formatEndpointAddress(address: Address): string {
  switch (address.kind) {
    case 'socket':
      return `${address.ip}:${address.port ?? 0}`;
    case 'pipe':
      return `unix://${address.path}`;
    case 'internal':
      return address.endpointId
        ? `envoy://${address.serverListenerName}/${address.endpointId}`
        : `envoy://${address.serverListenerName}`;
    default:
      return 'unknown';
  }
}

/** Region/zone/sub-zone, stopping at the first empty level (istioctl's `LocalityToString`). */
export function formatLocality(locality: Endpoint['locality']): string {
  if (!locality) return '';
  let out = locality.region ?? '';
  if (!locality.zone) return out;
  out += `/${locality.zone}`;
  if (!locality.subZone) return out;
  return `${out}/${locality.subZone}`;
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
    if (wanted !== ip && wanted !== formatEndpointAddress(a).toLowerCase()) return false;
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
      const addr = formatEndpointAddress(ep.address);
      rows.push([
        options.includeConfigType ? `endpoint/${addr}` : addr,
        ep.healthStatus,
        formatLocality(ep.locality),
        cla.clusterName,
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
      const address = a.kind === 'socket' ? a.ip : formatEndpointAddress(a);
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
