import { mapObjs, obj, str, strArr } from './fields';
import { istioConfigOf } from './istioMetadata';
import type { JsonObject, ResourceMeta, Route, RouteConfig, VirtualHost } from './model';
import { parseRouteAction } from './parseRouteAction';
import { parseRouteMatch } from './parseRouteMatch';
import { applyMeta } from './resourceMeta';

function parseRoute(r: JsonObject, index: number): Route {
  const route: Route = {
    index,
    match: parseRouteMatch(obj(r, 'match')),
    action: parseRouteAction(r),
    raw: r,
  };
  const name = str(r, 'name');
  if (name !== undefined) route.name = name;
  const istioConfig = istioConfigOf(r);
  if (istioConfig) route.istioConfig = istioConfig;
  const decorator = obj(r, 'decorator');
  const op = decorator && str(decorator, 'operation');
  if (op !== undefined) route.decorator = op;
  return route;
}

function parseVirtualHost(vh: JsonObject): VirtualHost {
  const tls = str(vh, 'require_tls');
  return {
    name: str(vh, 'name') ?? '',
    domains: strArr(vh, 'domains'),
    routes: mapObjs(vh, 'routes', parseRoute),
    requireTls: tls === 'EXTERNAL_ONLY' || tls === 'ALL' ? tls : 'NONE',
    raw: vh,
  };
}

/** Reads a `RouteConfiguration` (RDS, static, or inline in an HTTP connection manager). */
export function parseRouteConfig(rc: JsonObject, meta: ResourceMeta, inline: boolean): RouteConfig {
  const out: RouteConfig = {
    state: meta.state,
    name: str(rc, 'name') ?? '',
    virtualHosts: mapObjs(rc, 'virtual_hosts', parseVirtualHost),
    inline,
    raw: rc,
  };
  return applyMeta(out, meta);
}
