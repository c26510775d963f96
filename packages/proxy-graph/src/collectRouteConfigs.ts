import type { ConfigDump, FilterChain, Listener, RouteConfig } from '@meshlens/configdump';

/** The name under which an inline route config is drawn (Envoy allows an empty name inline). */
export function inlineRouteConfigName(
  config: RouteConfig,
  listener: Listener,
  chain: FilterChain,
): string {
  return config.name !== '' ? config.name : `${listener.name}#${chain.index} inline`;
}

/**
 * Every route config of the dump by drawn name: the RDS / static ones, then the inline ones
 * in listener order. The first definition of a name wins; Istio repeats the same inline config
 * in several filter chains of one listener, and those are one node.
 */
export function collectRouteConfigs(dump: ConfigDump): Map<string, RouteConfig> {
  const out = new Map<string, RouteConfig>();
  for (const rc of dump.routeConfigs) if (!out.has(rc.name)) out.set(rc.name, rc);
  for (const listener of dump.listeners) {
    for (const chain of listenerChains(listener)) {
      for (const filter of chain.filters) {
        if (filter.kind !== 'http_connection_manager') continue;
        if (filter.routeSource.kind !== 'inline') continue;
        const rc = filter.routeSource.routeConfig;
        const name = inlineRouteConfigName(rc, listener, chain);
        if (!out.has(name)) out.set(name, rc);
      }
    }
  }
  return out;
}

/** A listener's filter chains followed by its default filter chain, if any. */
export function listenerChains(listener: Listener): FilterChain[] {
  return listener.defaultFilterChain
    ? [...listener.filterChains, listener.defaultFilterChain]
    : listener.filterChains;
}
