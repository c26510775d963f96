import type { ClusterEndpoints, ConfigDump, JsonObject, JsonValue } from '@meshlens/configdump';
import { clusterMatches, listedClusters, sortClusters, type ClusterFilter } from './clusterTable';
import { endpointMatches, type EndpointFilter } from './endpointTable';
import { isAdminClusters, listedAssignments } from './endpointSelection';
import { listedListeners, listenerMatches, type ListenerFilter } from './listenerSelection';
import { withoutType } from './protoJson';
import { listedRouteConfigs, sortRouteConfigs, type RouteFilter } from './routeTable';

/** Every filter flag of `proxy-config`, grouped by the resource they apply to. */
export interface ProxyConfigFilters {
  listener: ListenerFilter;
  cluster: ClusterFilter;
  route: RouteFilter;
  endpoint: EndpointFilter;
}

/** The resource types `proxy-config` prints one by one (`all` is handled by the caller). */
export type ResourceType =
  'listener' | 'route' | 'cluster' | 'endpoint' | 'secret' | 'bootstrap' | 'ecds';

function isObject(v: JsonValue | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Keeps, inside `parent[keys]`, only the entries that are (by identity) in `keep`. */
function keepOnly(
  parent: JsonObject,
  keys: readonly string[],
  keep: Set<JsonValue>,
): JsonObject | undefined {
  const key = keys.find((k) => Array.isArray(parent[k]));
  if (key === undefined) return undefined;
  const list = parent[key] as JsonValue[];
  const kept = list.filter((x) => keep.has(x));
  return kept.length > 0 ? { ...parent, [key]: kept } : undefined;
}

/** One cluster's assignment with only the endpoints that pass the filter (undefined if none do). */
function filteredAssignment(cla: ClusterEndpoints, filter: EndpointFilter): JsonValue | undefined {
  const keep = new Set(
    cla.endpoints.filter((e) => endpointMatches(e, cla.clusterName, filter)).map((e) => e.raw),
  );
  if (keep.size === 0 || !isObject(cla.raw)) return undefined;
  if (cla.source === 'admin-clusters')
    return keepOnly(cla.raw, ['host_statuses', 'hostStatuses'], keep);
  const localities = cla.raw['endpoints'];
  if (!Array.isArray(localities)) return undefined;
  const kept = localities
    .map((l) => (isObject(l) ? keepOnly(l, ['lb_endpoints', 'lbEndpoints'], keep) : undefined))
    .filter((l): l is JsonObject => l !== undefined);
  return kept.length > 0 ? withoutType({ ...cla.raw, endpoints: kept }) : undefined;
}

/** What `proxy-config <type> -o json` prints, before protojson key spelling is applied. */
export function resourceDump(
  dump: ConfigDump,
  type: ResourceType,
  filters: ProxyConfigFilters,
): JsonValue {
  switch (type) {
    case 'cluster':
      return sortClusters(listedClusters(dump.clusters))
        .filter((c) => clusterMatches(c, filters.cluster))
        .map((c) => withoutType(c.raw));
    case 'listener':
      return listedListeners(dump.listeners)
        .filter((l) => listenerMatches(l, filters.listener))
        .map((l) => withoutType(l.raw));
    case 'route':
      return sortRouteConfigs(listedRouteConfigs(dump.routeConfigs))
        .filter((r) => !filters.route.name || r.name === filters.route.name)
        .map((r) => withoutType(r.raw));
    case 'endpoint': {
      const source = isAdminClusters(dump) ? dump.endpoints : listedAssignments(dump);
      return source
        .map((c) => filteredAssignment(c, filters.endpoint))
        .filter((c): c is JsonValue => c !== undefined);
    }
    case 'secret': {
      const wrap = (s: ConfigDump['secrets'][number]): JsonObject => ({
        name: s.name,
        ...(s.versionInfo !== undefined ? { versionInfo: s.versionInfo } : {}),
        ...(s.lastUpdated !== undefined ? { lastUpdated: s.lastUpdated } : {}),
        secret: s.raw,
      });
      return {
        dynamicActiveSecrets: dump.secrets.filter((s) => s.state === 'active').map(wrap),
        dynamicWarmingSecrets: dump.secrets.filter((s) => s.state === 'warming').map(wrap),
      };
    }
    case 'bootstrap':
      return dump.bootstrap ? withoutType(dump.bootstrap.raw) : {};
    case 'ecds':
      return {
        ecdsFilters: dump.extensionConfigs.map((x) => ({
          ...(x.versionInfo !== undefined ? { versionInfo: x.versionInfo } : {}),
          ecdsFilter: x.raw,
          ...(x.lastUpdated !== undefined ? { lastUpdated: x.lastUpdated } : {}),
        })),
      };
  }
}
