import type { ConfigDump, FilterChain, Listener, RouteConfig } from '@meshlens/configdump';
import { listenerKey, listenersByKey } from './listenerKey';

/** The name under which an inline route config is drawn (Envoy allows an empty name inline). */
export function inlineRouteConfigName(
  config: RouteConfig,
  listener: Listener,
  chain: FilterChain,
): string {
  if (config.name !== '') return config.name;
  return `${listenerKey(listener)}#${chain.index} inline`;
}

/**
 * Every route config of the dump by drawn name: the RDS / static ones, then the inline ones
 * in listener order (inline names only for configs the dump has not listed already). The first definition of a name wins; Istio repeats the same inline config
 * in several filter chains of one listener, and those are one node.
 */
export function collectRouteConfigs(dump: ConfigDump): Map<string, RouteConfig> {
  const out = new Map<string, RouteConfig>();
  const inline: [string, RouteConfig][] = [];
  for (const listener of listenersByKey(dump).values()) {
    for (const chain of listenerChains(listener)) {
      for (const filter of chain.filters) {
        if (filter.kind !== 'http_connection_manager') continue;
        if (filter.routeSource.kind !== 'inline') continue;
        const rc = filter.routeSource.routeConfig;
        inline.push([inlineRouteConfigName(rc, listener, chain), rc]);
      }
    }
  }
  // Envoy's routes dump repeats inline configs as static ones; a nameless static config cannot be
  // an RDS target, so when listeners hold nameless inline configs it is one of those copies.
  const hasNamelessInline = inline.some(([, rc]) => rc.name === '');
  for (const rc of dump.routeConfigs) {
    if (rc.name === '' && hasNamelessInline) continue;
    if (!out.has(rc.name)) out.set(rc.name, rc);
  }
  for (const [name, rc] of inline) if (!out.has(name)) out.set(name, rc);
  return out;
}

/** A listener's filter chains followed by its default filter chain, if any. */
export function listenerChains(listener: Listener): FilterChain[] {
  return listener.defaultFilterChain
    ? [...listener.filterChains, listener.defaultFilterChain]
    : listener.filterChains;
}
