import { parseAddress } from './address';
import { field, isObject, num, obj, objArr, str } from './fields';
import type { ClusterEndpoints, Endpoint, HealthStatus, JsonObject, JsonValue } from './model';

const HEALTH: readonly HealthStatus[] = [
  'UNKNOWN',
  'HEALTHY',
  'UNHEALTHY',
  'DRAINING',
  'TIMEOUT',
  'DEGRADED',
];

/** Envoy's `HealthStatus` enum, by name or number; absent means UNKNOWN (the proto default). */
export function toHealth(v: JsonValue | undefined): HealthStatus {
  if (typeof v === 'number') return HEALTH[v] ?? 'UNKNOWN';
  if (typeof v === 'string' && (HEALTH as readonly string[]).includes(v)) return v as HealthStatus;
  return 'UNKNOWN';
}

function locality(o: JsonObject | undefined): Endpoint['locality'] {
  if (!o) return undefined;
  const loc: NonNullable<Endpoint['locality']> = {};
  const region = str(o, 'region');
  if (region) loc.region = region;
  const zone = str(o, 'zone');
  if (zone) loc.zone = zone;
  const subZone = str(o, 'sub_zone');
  if (subZone) loc.subZone = subZone;
  return loc.region || loc.zone || loc.subZone ? loc : undefined;
}

/** Reads a `ClusterLoadAssignment` (EDS or a cluster's static `load_assignment`). */
export function parseClusterLoadAssignment(
  cla: JsonObject,
  source: ClusterEndpoints['source'],
  fallbackName = '',
): ClusterEndpoints {
  const endpoints: Endpoint[] = [];
  for (const group of objArr(cla, 'endpoints')) {
    const loc = locality(obj(group, 'locality'));
    const priority = num(group, 'priority') ?? 0;
    for (const lb of objArr(group, 'lb_endpoints')) {
      const ep = obj(lb, 'endpoint');
      const e: Endpoint = {
        address: parseAddress(ep ? field(ep, 'address') : undefined),
        healthStatus: toHealth(field(lb, 'health_status')),
        priority,
        raw: lb,
      };
      if (loc) e.locality = loc;
      const weight = num(lb, 'load_balancing_weight');
      if (weight !== undefined) e.weight = weight;
      const hostname = ep && str(ep, 'hostname');
      if (hostname) e.hostname = hostname;
      endpoints.push(e);
    }
  }
  return {
    clusterName: str(cla, 'cluster_name') ?? fallbackName,
    source,
    endpoints,
    raw: cla,
  };
}

/** v2 clusters could list `hosts` (addresses) instead of a load assignment. */
export function parseLegacyHosts(
  clusterName: string,
  hosts: JsonValue[],
  raw: JsonObject,
): ClusterEndpoints {
  const endpoints: Endpoint[] = [];
  for (const h of hosts) {
    if (!isObject(h)) continue;
    endpoints.push({ address: parseAddress(h), healthStatus: 'UNKNOWN', priority: 0, raw: h });
  }
  return { clusterName, source: 'static', endpoints, raw };
}

/**
 * One cluster of Envoy admin `/clusters?format=json`. Health: a failed active health check wins
 * over the EDS status (Envoy treats the host as unhealthy); outlier ejection is reported apart.
 */
export function parseAdminClusterStatus(cs: JsonObject): ClusterEndpoints {
  const endpoints: Endpoint[] = [];
  for (const hs of objArr(cs, 'host_statuses')) {
    const h = obj(hs, 'health_status') ?? {};
    let health = toHealth(field(h, 'eds_health_status'));
    if (field(h, 'failed_active_health_check') === true) health = 'UNHEALTHY';
    else if (field(h, 'failed_active_degraded_check') === true && health === 'HEALTHY') {
      health = 'DEGRADED';
    }
    const e: Endpoint = {
      address: parseAddress(field(hs, 'address')),
      healthStatus: health,
      outlierCheck: field(h, 'failed_outlier_check') === true ? 'FAILED' : 'OK',
      priority: num(hs, 'priority') ?? 0,
      raw: hs,
    };
    const loc = locality(obj(hs, 'locality'));
    if (loc) e.locality = loc;
    const weight = num(hs, 'weight');
    if (weight !== undefined) e.weight = weight;
    const hostname = str(hs, 'hostname');
    if (hostname) e.hostname = hostname;
    endpoints.push(e);
  }
  return { clusterName: str(cs, 'name') ?? '', source: 'admin-clusters', endpoints, raw: cs };
}
