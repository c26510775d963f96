import type { FilterChain, Listener, NetworkFilter } from '@meshlens/configdump';
import { goSortSlice } from './goSort';
import { clusterDestination, describeInlineRoute } from './inlineRoute';

/** The filters of `proxy-config listener` (`--address`, `--port`, `--type`). */
export interface ListenerFilter {
  address?: string;
  port?: number;
  /** `HTTP`, `TCP`, `HTTP+TCP` (compared case-insensitively, like istioctl). */
  type?: string;
}

/** The listeners istioctl lists: dynamic active ones first, then the static ones, in dump order. */
export function listedListeners(listeners: readonly Listener[]): Listener[] {
  return [
    ...listeners.filter((l) => l.state === 'active'),
    ...listeners.filter((l) => l.state === 'static'),
  ];
}

/** The primary address as istioctl prints it: the IP, the pipe path, or '' (internal listeners). */
export function listenerAddress(listener: Listener): string {
  const a = listener.address;
  if (a.kind === 'socket') return a.ip;
  if (a.kind === 'pipe') return a.path;
  return '';
}

/** The ADDRESSES column: the primary address followed by `additional_addresses`, comma-separated. */
export function listenerAddresses(listener: Listener): string {
  const extra = listener.additionalAddresses
    .map((a) => (a.kind === 'socket' ? a.ip : a.kind === 'pipe' ? a.path : ''))
    .filter((a) => a !== '');
  return [listenerAddress(listener), ...extra].join(',');
}

/** The PORT column: the socket port, 0 when there is none (internal listeners, pipes). */
export function listenerPort(listener: Listener): number {
  return listener.address.kind === 'socket' ? (listener.address.port ?? 0) : 0;
}

function isHttp(filter: NetworkFilter): boolean {
  return filter.kind === 'http_connection_manager';
}

// istioctl does not count a TCP proxy to the PassthroughCluster as TCP: on a sidecar that chain
// exists on every listener and would make them all `HTTP+TCP`.
function isCountedTcp(filter: NetworkFilter): boolean {
  return filter.kind === 'tcp_proxy' && filter.cluster !== 'PassthroughCluster';
}

/** The TYPE column of the compact table: HTTP, TCP, HTTP+TCP or UNKNOWN. */
export function listenerType(listener: Listener): string {
  let http = 0;
  let tcp = 0;
  for (const chain of listener.filterChains) {
    for (const filter of chain.filters) {
      if (isHttp(filter)) http++;
      else if (isCountedTcp(filter)) tcp++;
    }
  }
  if (http > 0) return tcp === 0 ? 'HTTP' : 'HTTP+TCP';
  return tcp > 0 ? 'TCP' : 'UNKNOWN';
}

/** istioctl's `ListenerFilter.Verify`. */
export function listenerMatches(listener: Listener, filter: ListenerFilter): boolean {
  if (filter.address !== undefined && filter.address !== '') {
    const addresses = listenerAddresses(listener).split(',');
    if (!addresses.includes(filter.address)) return false;
  }
  if (filter.port !== undefined && filter.port !== 0 && listenerPort(listener) !== filter.port)
    return false;
  if (
    filter.type !== undefined &&
    filter.type !== '' &&
    listenerType(listener).toLowerCase() !== filter.type.toLowerCase()
  ) {
    return false;
  }
  return true;
}

/**
 * True for Envoy internal listeners (`internal_listener` set). The model does not carry this flag,
 * so it is read from the listener's raw JSON (a documented gap in @meshlens/configdump).
 */
export function isInternalListener(listener: Listener): boolean {
  const raw = listener.raw;
  return (
    typeof raw === 'object' &&
    raw !== null &&
    !Array.isArray(raw) &&
    ('internal_listener' in raw || 'internalListener' in raw)
  );
}

/** istioctl's listener order: internal listeners by name, the rest by port, address, type. */
export function sortListeners(listeners: readonly Listener[]): Listener[] {
  return goSortSlice(listeners, (a, b) => {
    if (isInternalListener(a) && isInternalListener(b)) return a.name < b.name;
    const pa = listenerPort(a);
    const pb = listenerPort(b);
    if (pa !== pb) return pa < pb;
    const aa = listenerAddress(a);
    const ab = listenerAddress(b);
    if (aa !== ab) return aa < ab;
    return listenerType(a) < listenerType(b);
  });
}

// ALPN sets istioctl names instead of listing them (exact, ordered equality).
const NAMED_ALPN_SETS: readonly [string, readonly string[]][] = [
  [
    'App: HTTP TLS',
    ['http/1.0', 'http/1.1', 'h2c', 'istio-http/1.0', 'istio-http/1.1', 'istio-h2'],
  ],
  ['App: Istio HTTP Plain', ['istio', 'istio-http/1.0', 'istio-http/1.1', 'istio-h2']],
  ['App: TCP TLS', ['istio-peer-exchange', 'istio']],
  ['App: HTTP', ['http/1.0', 'http/1.1', 'h2c']],
];

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The MATCH column for one filter chain: `SNI: ...; Trans: ...; App: ...; Addr: ...` or `ALL`. */
export function describeChainMatch(chain: FilterChain): string {
  const m = chain.match;
  const parts: string[] = [];
  if (m.serverNames.length > 0) parts.push(`SNI: ${m.serverNames.join(',')}`);
  if (m.transportProtocol !== undefined && m.transportProtocol !== '') {
    parts.push(`Trans: ${m.transportProtocol}`);
  }
  if (m.applicationProtocols.length > 0) {
    const named = NAMED_ALPN_SETS.find(([, set]) => sameList(set, m.applicationProtocols));
    parts.push(named ? named[0] : `App: ${m.applicationProtocols.join(',')}`);
  }
  const port = m.destinationPort !== undefined ? `:${m.destinationPort}` : '';
  if (m.prefixRanges.length > 0) {
    const ranges = m.prefixRanges.map((r) => `${r.addressPrefix}/${r.prefixLen}`).join(',');
    parts.push(`Addr: ${ranges}${port}`);
  } else if (port !== '') {
    parts.push(`Addr: *${port}`);
  }
  return parts.length === 0 ? 'ALL' : parts.join('; ');
}

/** The DESTINATION column: what the first HTTP or TCP proxy filter of the chain sends traffic to. */
export function describeChainDestination(chain: FilterChain): string {
  for (const filter of chain.filters) {
    if (filter.kind === 'http_connection_manager') {
      const source = filter.routeSource;
      if (source.kind === 'inline') return describeInlineRoute(source.routeConfig);
      if (source.kind === 'rds' && source.routeConfigName !== '')
        return `Route: ${source.routeConfigName}`;
      return 'HTTP';
    }
    if (filter.kind === 'tcp_proxy') return clusterDestination(filter.cluster ?? '');
  }
  return 'Non-HTTP/Non-TCP';
}
