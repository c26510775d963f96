import type { ConfigDump } from './model';

/** A dump's resource counts, as the overview and the mesh scan show them. */
export interface ResourceCounts {
  listeners: number;
  /** Route configurations (RDS + static). */
  routeConfigs: number;
  /** Routes over every virtual host of those route configurations. */
  routes: number;
  virtualHosts: number;
  clusters: number;
  /** Upstream hosts over every cluster's endpoints. */
  endpoints: number;
  secrets: number;
  /** ECDS extension configs. */
  extensionConfigs: number;
}

/** Counts a dump's resources. */
export function countResources(dump: ConfigDump): ResourceCounts {
  let routes = 0;
  let virtualHosts = 0;
  for (const rc of dump.routeConfigs) {
    virtualHosts += rc.virtualHosts.length;
    for (const vh of rc.virtualHosts) routes += vh.routes.length;
  }
  let endpoints = 0;
  for (const ce of dump.endpoints) endpoints += ce.endpoints.length;
  return {
    listeners: dump.listeners.length,
    routeConfigs: dump.routeConfigs.length,
    routes,
    virtualHosts,
    clusters: dump.clusters.length,
    endpoints,
    secrets: dump.secrets.length,
    extensionConfigs: dump.extensionConfigs.length,
  };
}
