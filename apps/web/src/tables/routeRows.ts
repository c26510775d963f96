import type { ConfigDump, RouteConfig } from '@meshlens/configdump';
import {
  type RouteRow as IstioctlRouteRow,
  routeRows as istioctlRouteRows,
} from '@meshlens/istioctl';
import { listenerKey, nodeIdFor } from '@meshlens/proxy-graph';

/**
 * One row of the route table: one per route of each virtual host, with istioctl's verbose
 * `proxy-config route` cells (from @meshlens/istioctl) and the graph node the row opens.
 */
export interface RouteRow extends Omit<IstioctlRouteRow, 'routeIndex'> {
  nodeId: string;
}

/**
 * The graph name of each nameless route config. Envoy's routes dump repeats the inline route
 * configs of listeners as nameless static ones; the graph draws those inline, named after their
 * listener and chain (`<listener key>#<chain index> inline`), so the copy is matched by content
 * (virtual hosts, domains and path matches: the raw JSON of the two copies can differ in form).
 */
function inlineGraphNames(dump: ConfigDump): Map<string, string> {
  const out = new Map<string, string>();
  for (const l of dump.listeners) {
    const chains = l.defaultFilterChain
      ? [...l.filterChains, l.defaultFilterChain]
      : l.filterChains;
    for (const fc of chains) {
      for (const f of fc.filters) {
        if (f.kind !== 'http_connection_manager' || f.routeSource.kind !== 'inline') continue;
        const key = contentKey(f.routeSource.routeConfig);
        if (!out.has(key)) out.set(key, `${listenerKey(l)}#${fc.index} inline`);
      }
    }
  }
  return out;
}

function contentKey(rc: RouteConfig): string {
  return JSON.stringify(
    rc.virtualHosts.map((vh) => [vh.name, vh.domains, vh.routes.map((r) => r.match.path)]),
  );
}

function graphName(rc: RouteConfig, inline: Map<string, string> | undefined): string {
  if (rc.name !== '' || inline === undefined) return rc.name;
  return inline.get(contentKey(rc)) ?? rc.name;
}

/**
 * Rows of the route table: RDS and static route configurations, nameless (inline) ones too. A
 * virtual host without routes (istioctl's `404` row) opens its virtual host node.
 */
export function routeRows(dump: ConfigDump): RouteRow[] {
  const rows: RouteRow[] = [];
  const inline = dump.routeConfigs.some((rc) => rc.name === '')
    ? inlineGraphNames(dump)
    : undefined;
  for (const rc of dump.routeConfigs) {
    const drawn = graphName(rc, inline);
    for (const { routeIndex, ...cells } of istioctlRouteRows(rc)) {
      rows.push({
        ...cells,
        nodeId:
          routeIndex === undefined
            ? nodeIdFor({ kind: 'virtual_host', routeConfig: drawn, name: cells.vhost })
            : nodeIdFor({
                kind: 'route',
                routeConfig: drawn,
                virtualHost: cells.vhost,
                index: routeIndex,
              }),
      });
    }
  }
  return rows;
}
