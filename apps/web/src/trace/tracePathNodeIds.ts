import {
  formatAddress,
  inlineRouteConfigName,
  listenerKey,
  nodeIdFor,
  terminalLabel,
} from '@meshlens/proxy-graph';
import type { DumpTrace } from '@meshlens/tracer';

/**
 * The proxy-graph node ids a trace walked through, in path order: listener, filter chain, route
 * configuration, virtual host, route, then the route's target (cluster, redirect or direct
 * response node) and the cluster's endpoints. Names the graph draws as ghosts (a cluster missing
 * from the dump) map to the ghost's id, so a dangling target lights up too.
 */
export function tracePathNodeIds(t: DumpTrace): string[] {
  const ids: string[] = [];
  const listener = t.listener;
  if (!listener) return ids;
  // The graph draws a nameless listener under its address, and its chains under that key.
  const key = listenerKey(listener);
  ids.push(nodeIdFor({ kind: 'listener', name: key }));
  const chain = t.filterChain;
  if (!chain) return ids;
  ids.push(nodeIdFor({ kind: 'filter_chain', listener: key, index: chain.index }));

  const rc = t.routeConfig;
  if (rc) {
    const rcName = rc.name !== '' ? rc.name : inlineRouteConfigName(rc, listener, chain);
    ids.push(nodeIdFor({ kind: 'route_config', name: rcName }));
    const vh = t.routeTrace?.virtualHost;
    const route = t.routeTrace?.route;
    if (vh) ids.push(nodeIdFor({ kind: 'virtual_host', routeConfig: rcName, name: vh.name }));
    if (vh && route) {
      ids.push(
        nodeIdFor({ kind: 'route', routeConfig: rcName, virtualHost: vh.name, index: route.index }),
      );
      const action = route.action;
      if (action.kind === 'cluster_header') ids.push(`term:header:${action.header}`);
      const terminal = terminalLabel(action);
      if (terminal !== undefined) ids.push(`term:${terminal}`);
    }
  }

  for (const c of t.clusters) {
    if (c.name === '') continue;
    ids.push(c.cluster ? nodeIdFor({ kind: 'cluster', name: c.name }) : `ghost:cluster:${c.name}`);
    for (const e of c.endpoints?.endpoints ?? [])
      ids.push(nodeIdFor({ kind: 'endpoint', cluster: c.name, address: formatAddress(e.address) }));
  }
  return [...new Set(ids)];
}
