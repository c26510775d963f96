import type { Route, RouteConfig, VirtualHost } from '@meshlens/configdump';
import { addWeighted, headerNode } from './addListeners';
import { clusterTarget, type BuildContext } from './buildContext';
import { describeRouteMatch, terminalLabel } from './describeRoute';
import { columnOf } from './graphTypes';
import { nodeIdFor } from './nodeId';

function listOf(values: string[], max = 2): string {
  return values.length <= max
    ? values.join(', ')
    : `${values.slice(0, max).join(', ')} +${values.length - max}`;
}

/** Adds every route config (RDS, static, inline), its virtual hosts, routes and route targets. */
export function addRouteConfigs(ctx: BuildContext): void {
  for (const [name, rc] of ctx.routeConfigs) addRouteConfig(ctx, name, rc);
}

function addRouteConfig(ctx: BuildContext, name: string, rc: RouteConfig): void {
  const ref = { kind: 'route_config', name } as const;
  const id = nodeIdFor(ref);
  const n = rc.virtualHosts.length;
  ctx.acc.addNode(
    {
      id,
      kind: 'route_config',
      column: columnOf.route_config,
      direction: 'other',
      ref,
      state: rc.state,
    },
    () => ({
      label: name,
      sublabel: `${rc.inline ? 'inline · ' : ''}${n} virtual host${n === 1 ? '' : 's'}`,
    }),
  );
  for (const vh of rc.virtualHosts) addVirtualHost(ctx, name, vh, id);
}

function addVirtualHost(ctx: BuildContext, rcName: string, vh: VirtualHost, rcId: string): void {
  const ref = { kind: 'virtual_host', routeConfig: rcName, name: vh.name } as const;
  const id = nodeIdFor(ref);
  ctx.acc.addNode(
    { id, kind: 'virtual_host', column: columnOf.virtual_host, direction: 'other', ref },
    () => ({ label: vh.name, sublabel: listOf(vh.domains) }),
  );
  ctx.acc.addEdge(rcId, id, 'contains');
  for (const route of vh.routes) addRoute(ctx, rcName, vh, route, id);
}

function addRoute(
  ctx: BuildContext,
  rcName: string,
  vh: VirtualHost,
  route: Route,
  vhId: string,
): void {
  const ref = {
    kind: 'route',
    routeConfig: rcName,
    virtualHost: vh.name,
    index: route.index,
  } as const;
  const id = nodeIdFor(ref);
  ctx.acc.addNode(
    { id, kind: 'route', column: columnOf.route, direction: 'other', ref },
    () => {
      const match = describeRouteMatch(route);
      const named = route.name !== undefined && route.name !== '';
      return {
        label: named ? (route.name ?? match) : match,
        sublabel: named ? match : `#${route.index}`,
      };
    },
    vhId,
  );
  ctx.acc.addEdge(vhId, id, 'contains');
  const action = route.action;
  switch (action.kind) {
    case 'cluster':
      ctx.acc.addEdge(id, clusterTarget(ctx, action.cluster), 'route');
      break;
    case 'weighted_clusters':
      addWeighted(ctx, id, action.clusters, action.totalWeight);
      break;
    case 'cluster_header':
      ctx.acc.addEdge(id, headerNode(ctx, action.header), 'header');
      break;
    default: {
      const label = terminalLabel(action) ?? action.kind;
      const termId = `term:${label}`;
      ctx.acc.addNode(
        { id: termId, kind: 'terminal', column: columnOf.cluster, direction: 'other' },
        () => ({ label }),
      );
      ctx.acc.addEdge(id, termId, 'terminal');
    }
  }
  if (
    action.kind === 'cluster' ||
    action.kind === 'weighted_clusters' ||
    action.kind === 'cluster_header'
  ) {
    for (const mirror of action.options.mirrors) {
      ctx.acc.addEdge(id, clusterTarget(ctx, mirror.cluster), 'mirror');
    }
  }
}
