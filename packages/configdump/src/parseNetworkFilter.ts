import { extensionConfig, has, mapObjs, obj, objArr, str, typeUrl } from './fields';
import type { HttpFilter, JsonObject, NetworkFilter, ResourceMeta, RouteSource } from './model';
import { parseRouteConfig } from './parseRouteConfig';
import { parseWeightedClusters } from './parseRouteAction';

// v2 and v3 Envoy name the same filters differently; recognise both names and the @type.
const HCM_NAMES = new Set([
  'envoy.http_connection_manager',
  'envoy.filters.network.http_connection_manager',
]);
const TCP_NAMES = new Set(['envoy.tcp_proxy', 'envoy.filters.network.tcp_proxy']);

function parseHttpFilter(f: JsonObject): HttpFilter {
  const ext = extensionConfig(f);
  const h: HttpFilter = {
    name: str(f, 'name') ?? '',
    configDiscovery: has(f, 'config_discovery'),
    raw: f,
  };
  if (ext.typeUrl !== undefined) h.typeUrl = ext.typeUrl;
  return h;
}

function routeSource(hcm: JsonObject, meta: ResourceMeta): RouteSource {
  const rds = obj(hcm, 'rds');
  if (rds) return { kind: 'rds', routeConfigName: str(rds, 'route_config_name') ?? '' };
  const inline = obj(hcm, 'route_config');
  if (inline) return { kind: 'inline', routeConfig: parseRouteConfig(inline, meta, true) };
  const scoped = obj(hcm, 'scoped_routes');
  if (scoped) {
    const list = obj(scoped, 'scoped_route_configurations_list');
    const names: string[] = [];
    for (const s of list ? objArr(list, 'scoped_route_configurations') : []) {
      const n = str(s, 'route_configuration_name');
      if (n !== undefined) names.push(n);
    }
    const src: RouteSource = { kind: 'scoped', scopeRouteConfigNames: names };
    const name = str(scoped, 'name');
    if (name !== undefined) src.scopedRoutesName = name;
    return src;
  }
  return { kind: 'none' };
}

/**
 * A network filter: the HTTP connection manager and TCP proxy are decoded; everything else is
 * kept as `generic` with its raw config. `meta` is inherited by an inline route config.
 */
export function parseNetworkFilter(f: JsonObject, meta: ResourceMeta): NetworkFilter {
  const name = str(f, 'name') ?? '';
  const ext = extensionConfig(f);
  const t = ext.typeUrl;
  const cfg = ext.config;
  if (cfg && (HCM_NAMES.has(name) || (t !== undefined && t.endsWith('.HttpConnectionManager')))) {
    const filter: NetworkFilter = {
      kind: 'http_connection_manager',
      name,
      routeSource: routeSource(cfg, meta),
      httpFilters: mapObjs(cfg, 'http_filters', parseHttpFilter),
      raw: f,
    };
    const sp = str(cfg, 'stat_prefix');
    if (sp !== undefined) filter.statPrefix = sp;
    return filter;
  }
  if (cfg && (TCP_NAMES.has(name) || (t !== undefined && t.endsWith('.TcpProxy')))) {
    // Envoy <= 1.12 `deprecated_v1` TCP proxy: `value.route_config.routes[].cluster`.
    const v1 = obj(cfg, 'value');
    const body = v1 && has(cfg, 'deprecated_v1') ? v1 : cfg;
    const wc = obj(body, 'weighted_clusters');
    const filter: NetworkFilter = {
      kind: 'tcp_proxy',
      name,
      weightedClusters: wc ? parseWeightedClusters(wc) : [],
      raw: f,
    };
    const sp = str(body, 'stat_prefix');
    if (sp !== undefined) filter.statPrefix = sp;
    const cluster = str(body, 'cluster');
    if (cluster !== undefined) filter.cluster = cluster;
    const rc = obj(body, 'route_config');
    if (rc) {
      const legacy: string[] = [];
      for (const r of objArr(rc, 'routes')) {
        const c = str(r, 'cluster');
        if (c !== undefined) legacy.push(c);
      }
      filter.legacyRouteClusters = legacy;
      if (filter.cluster === undefined && legacy.length > 0) filter.cluster = legacy[0];
    }
    return filter;
  }
  const generic: NetworkFilter = { kind: 'generic', name, raw: f };
  const gt = t ?? (cfg ? typeUrl(cfg) : undefined);
  if (gt !== undefined) generic.typeUrl = gt;
  return generic;
}
