import type { ConfigDump, FilterChain, Listener, Route, RouteConfig } from '@meshlens/configdump';
import { listenerKey, nodeIdFor } from '@meshlens/proxy-graph';
import { cidrText } from './cidrText';

/** One row of the listener table: one per filter chain, as `istioctl proxy-config listener`. */
export interface ListenerRow {
  /** Listener name. */
  name: string;
  addresses: string;
  /** Listener port; 0 for non-socket (e.g. internal) listeners, as istioctl prints it. */
  port: number;
  match: string;
  destination: string;
  nodeId: string;
}

function listenerAddresses(l: Listener): string {
  return [l.address, ...l.additionalAddresses]
    .map((a) => (a.kind === 'socket' ? a.ip : ''))
    .filter((s) => s !== '')
    .join(',');
}

/** istioctl's MATCH column: what traffic the chain takes, or `ALL`. */
export function describeChainMatch(fc: FilterChain): string {
  const m = fc.match;
  const parts: string[] = [];
  if (m.serverNames.length > 0) parts.push(`SNI: ${m.serverNames.join(',')}`);
  if (m.transportProtocol) parts.push(`Trans: ${m.transportProtocol}`);
  if (m.applicationProtocols.length > 0) parts.push(`App: ${m.applicationProtocols.join(',')}`);
  if (m.prefixRanges.length > 0) {
    const port = m.destinationPort !== undefined ? `:${m.destinationPort}` : '';
    parts.push(`Addr: ${m.prefixRanges.map((r) => `${cidrText(r)}${port}`).join(',')}`);
  } else if (m.destinationPort !== undefined) {
    parts.push(`Addr: *:${m.destinationPort}`);
  }
  if (m.sourcePrefixRanges.length > 0)
    parts.push(`Src: ${m.sourcePrefixRanges.map(cidrText).join(',')}`);
  if (fc.isDefault) parts.push('default');
  return parts.length > 0 ? parts.join('; ') : 'ALL';
}

function routeMatchText(r: Route): string {
  const p = r.match.path;
  switch (p.kind) {
    case 'prefix':
      return `${p.value}*`;
    case 'path':
    case 'path_separated_prefix':
      return p.value;
    case 'safe_regex':
    case 'regex':
      return p.regex;
    default:
      return '';
  }
}

/** The cluster of a route config that sends everything (`*`, prefix `/`) to one cluster. */
function matchAllCluster(rc: RouteConfig): string | undefined {
  const [vh, ...moreHosts] = rc.virtualHosts;
  if (!vh || moreHosts.length > 0 || vh.domains.length !== 1 || vh.domains[0] !== '*')
    return undefined;
  const [route, ...moreRoutes] = vh.routes;
  if (!route || moreRoutes.length > 0) return undefined;
  const p = route.match.path;
  if (p.kind !== 'prefix' || p.value !== '/') return undefined;
  return route.action.kind === 'cluster' ? route.action.cluster : undefined;
}

/** An inline route config: its one cluster when it forwards everything, else its matches. */
function inlineRouteText(rc: RouteConfig): string {
  const cluster = matchAllCluster(rc);
  if (cluster !== undefined) return `Cluster: ${cluster}`;
  const hosts = rc.virtualHosts.map((vh) => {
    const paths = vh.routes
      .map(routeMatchText)
      .filter((s) => s !== '')
      .join(', ');
    const domains = vh.domains.length === 1 && vh.domains[0] === '*' ? '' : vh.domains.join(',');
    return domains === '' ? paths : `${domains} ${paths}`;
  });
  return `Inline Route: ${hosts.join('; ')}`;
}

/** istioctl's DESTINATION column: where the chain's traffic goes next. */
export function describeChainDestination(fc: FilterChain): string {
  const out: string[] = [];
  for (const f of fc.filters) {
    if (f.kind === 'http_connection_manager') {
      const s = f.routeSource;
      if (s.kind === 'rds') out.push(`Route: ${s.routeConfigName}`);
      else if (s.kind === 'inline') out.push(inlineRouteText(s.routeConfig));
      else if (s.kind === 'scoped') out.push(`Scoped Routes: ${s.scopedRoutesName ?? ''}`.trim());
      else out.push('HTTP (no routes)');
    } else if (f.kind === 'tcp_proxy') {
      if (f.cluster !== undefined) out.push(`Cluster: ${f.cluster}`);
      else if (f.weightedClusters.length > 0) {
        out.push(
          `WeightedClusters: ${f.weightedClusters.map((w) => `${w.name} (${w.weight})`).join(', ')}`,
        );
      }
    }
  }
  return out.length > 0 ? out.join('; ') : 'Non-HTTP/Non-TCP';
}

/** Rows of the listener table, in dump order (default filter chain last). */
export function listenerRows(dump: ConfigDump): ListenerRow[] {
  const rows: ListenerRow[] = [];
  for (const l of dump.listeners) {
    const addresses = listenerAddresses(l);
    const port = l.address.kind === 'socket' ? (l.address.port ?? 0) : 0;
    const chains = l.defaultFilterChain
      ? [...l.filterChains, l.defaultFilterChain]
      : l.filterChains;
    for (const fc of chains) {
      rows.push({
        name: l.name,
        addresses,
        port,
        match: describeChainMatch(fc),
        destination: describeChainDestination(fc),
        // Graph ids use the listener key: nameless listeners are drawn under their address.
        nodeId: nodeIdFor({ kind: 'filter_chain', listener: listenerKey(l), index: fc.index }),
      });
    }
    if (chains.length === 0) {
      rows.push({
        name: l.name,
        addresses,
        port,
        match: 'ALL',
        destination: 'Non-HTTP/Non-TCP',
        nodeId: nodeIdFor({ kind: 'listener', name: listenerKey(l) }),
      });
    }
  }
  return rows;
}
