import type { RouteAction, RouteConfig } from '@meshlens/configdump';
import { describeIstioConfig } from './describeIstioConfig';
import { describeRouteDomains } from './describeRouteDomains';
import { describeRouteMatch } from './describeRouteMatch';

/** A row of the verbose `proxy-config route` table: one per route of each virtual host. */
export interface RouteRow {
  /** NAME: the route configuration name ('' for the nameless copies of inline configs). */
  name: string;
  /** VHOST NAME: Envoy `VirtualHost.name`. */
  vhost: string;
  /** DOMAINS: the virtual host's domains, abbreviated as istioctl does. */
  domains: string;
  /** MATCH: the route's path match (`/*` for a virtual host without routes). */
  match: string;
  /** VIRTUAL SERVICE: `name.namespace` from the route's `istio.config` metadata, or `404`. */
  virtualService: string;
  /** `Route.index` of the described route; undefined for the `404` row of an empty virtual host. */
  routeIndex: number | undefined;
}

// Sidecar outbound configs end with a catch-all route to PassthroughCluster; istioctl hides it.
function isPassthrough(action: RouteAction): boolean {
  return action.kind === 'cluster' && action.cluster === 'PassthroughCluster';
}

/** The verbose rows of one route configuration, in virtual host and route order. */
export function routeRows(config: RouteConfig): RouteRow[] {
  const rows: RouteRow[] = [];
  for (const vh of config.virtualHosts) {
    const domains = describeRouteDomains(vh.domains);
    for (const r of vh.routes) {
      if (isPassthrough(r.action)) continue;
      rows.push({
        name: config.name,
        vhost: vh.name,
        domains,
        match: describeRouteMatch(r.match),
        virtualService: describeIstioConfig(r.istioConfig, r.raw),
        routeIndex: r.index,
      });
    }
    // A virtual host without routes answers 404 to everything.
    if (vh.routes.length === 0) {
      rows.push({
        name: config.name,
        vhost: vh.name,
        domains,
        match: '/*',
        virtualService: '404',
        routeIndex: undefined,
      });
    }
  }
  return rows;
}
