import type { JsonValue } from '@meshlens/configdump';

/**
 * Lists whose order Envoy acts on (camelCase field names): filters run in order, the first
 * matching route / transport socket match wins, TLS and ALPN lists are preference orders, header
 * mutations apply in order. Every other list is compared as a multiset.
 */
const ORDERED = new Set([
  'filters',
  'httpFilters',
  'listenerFilters',
  'upstreamHttpFilters',
  'routes',
  'transportSocketMatches',
  'alpnProtocols',
  'cipherSuites',
  'ecdhCurves',
  'signatureAlgorithms',
  'requestHeadersToAdd',
  'responseHeadersToAdd',
  'requestHeadersToRemove',
  'responseHeadersToRemove',
  'accessLog',
  'retryHostPredicate',
  'matchers',
]);

/** True when the order of the list in field `key` matters to Envoy. */
export function isOrderedList(key: string): boolean {
  return ORDERED.has(key);
}

/**
 * Identity of a list element, used to pair unmatched elements of two lists before comparing them
 * field by field: a `name`, a filter chain's match, an endpoint's address. `undefined` when the
 * element has none (then leftovers are paired by position).
 */
export function elementIdentity(
  key: string,
  value: JsonValue | undefined,
  canonical: (v: JsonValue | undefined) => string,
): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  if (key === 'filterChains') return `match:${canonical(value.filterChainMatch ?? {})}`;
  if (key === 'lbEndpoints') {
    const ep = value.endpoint;
    if (ep !== null && typeof ep === 'object' && !Array.isArray(ep) && ep.address !== undefined)
      return `address:${canonical(ep.address)}`;
  }
  const name = value.name ?? value.clusterName;
  return typeof name === 'string' ? `name:${name}` : undefined;
}
