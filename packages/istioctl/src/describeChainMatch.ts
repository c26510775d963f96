import type { FilterChain } from '@meshlens/configdump';

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

/**
 * The MATCH column for one filter chain: `SNI: ...; Trans: ...; App: ...; Addr: ...` or `ALL`.
 * istioctl leaves source ranges, source ports and the default-chain flag out of this column.
 */
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
