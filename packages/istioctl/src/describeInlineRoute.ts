import type { RouteConfig } from '@meshlens/configdump';
import { describeRouteMatch } from './describeRouteMatch';

/**
 * The DESTINATION of a listener whose HTTP connection manager carries its routes inline. A
 * catch-all config (one `*` virtual host, one `prefix: /` route to one cluster) reads as that
 * cluster; anything else as `Inline Route: <domains> <matches>; ...`, as istioctl prints it.
 */
export function describeInlineRoute(config: RouteConfig): string {
  const cluster = matchAllCluster(config);
  if (cluster !== undefined) return cluster;
  const vhosts = config.virtualHosts.map((vh) => {
    const routes = vh.routes.map((r) => describeRouteMatch(r.match)).join(', ');
    const domains = vh.domains.length === 1 && vh.domains[0] === '*' ? '' : vh.domains.join('/');
    return domains === '' ? routes : `${domains} ${routes}`;
  });
  return `Inline Route: ${vhosts.join('; ')}`;
}

/** `Cluster: X` (or just X for Istio's `PassthroughCluster`-style names) for a catch-all config. */
function matchAllCluster(config: RouteConfig): string | undefined {
  const [vh, ...moreVhosts] = config.virtualHosts;
  if (vh === undefined || moreVhosts.length > 0) return undefined;
  if (vh.domains.length !== 1 || vh.domains[0] !== '*') return undefined;
  const [route, ...moreRoutes] = vh.routes;
  if (route === undefined || moreRoutes.length > 0) return undefined;
  if (route.match.path.kind !== 'prefix' || route.match.path.value !== '/') return undefined;
  if (route.action.kind !== 'cluster') return undefined;
  return clusterDestination(route.action.cluster);
}

/** istioctl prints names that contain `Cluster` (PassthroughCluster, BlackHoleCluster) bare. */
export function clusterDestination(cluster: string): string {
  return cluster.includes('Cluster') ? cluster : `Cluster: ${cluster}`;
}
