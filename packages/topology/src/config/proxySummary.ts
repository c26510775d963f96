// What the config topology keeps of one proxy's config dump: a few hundred bytes per service it
// sees instead of the dump itself (a sidecar of a 1,000-service mesh without Sidecar scoping dumps
// ~26 MB). Summaries are what the server caches; the dump is dropped once summarised.
import type { ConfigDump, IstioClusterName } from '@meshlens/configdump';
import { proxyWorkload, type ProxyWorkload } from './proxyWorkload';

/** An Istio outbound cluster: the service (and subset) it sends to. */
export interface ClusterTarget {
  host: string;
  subset?: string;
  port?: number;
}

/** A VirtualService route as programmed in the proxy (Istio's route metadata + its clusters). */
export interface ProgrammedRoute {
  /** The VirtualService named by the route's `istio` filter metadata. */
  virtualService: { namespace: string; name: string };
  /** Envoy route name, when set. */
  route?: string;
  /** Destinations with weight in percent (100 for a single cluster). */
  targets: (ClusterTarget & { weight: number })[];
}

/** The compact, cacheable summary of a proxy dump. */
export interface ProxySummary {
  workload: ProxyWorkload;
  /** Outbound Istio clusters (what Sidecar scoping left): one per host/subset/port. */
  clusters: ClusterTarget[];
  /** EDS endpoints of outbound clusters: the socket IPs behind each host/subset. */
  endpoints: (ClusterTarget & { ips: string[] })[];
  /** VirtualService routes in the proxy's route configs. */
  routes: ProgrammedRoute[];
}

const target = (n: IstioClusterName | undefined): ClusterTarget | undefined =>
  n && n.direction === 'outbound' && n.host
    ? {
        host: n.host,
        ...(n.subset ? { subset: n.subset } : {}),
        ...(n.port !== undefined ? { port: n.port } : {}),
      }
    : undefined;

/** Summarises a parsed dump; undefined when the dump names no pod/namespace (not a mesh proxy). */
export function summariseProxyDump(dump: ConfigDump): ProxySummary | undefined {
  const workload = proxyWorkload(dump);
  if (!workload) return undefined;
  const clusters: ClusterTarget[] = [];
  for (const c of dump.clusters) {
    const t = target(c.istioName);
    if (t) clusters.push(t);
  }
  const endpoints: ProxySummary['endpoints'] = [];
  for (const ce of dump.endpoints) {
    const t = target(dump.index.clusterByName.get(ce.clusterName)?.istioName);
    if (!t) continue;
    const ips = ce.endpoints.flatMap((e) => (e.address.kind === 'socket' ? [e.address.ip] : []));
    if (ips.length > 0) endpoints.push({ ...t, ips });
  }
  const routes: ProgrammedRoute[] = [];
  const byCluster = (name: string): ClusterTarget | undefined =>
    target(dump.index.clusterByName.get(name)?.istioName);
  for (const rc of dump.routeConfigs) {
    for (const vh of rc.virtualHosts) {
      for (const r of vh.routes) {
        const ref = r.istioConfig;
        if (!ref || ref.kind !== 'VirtualService') continue;
        const targets: ProgrammedRoute['targets'] = [];
        const a = r.action;
        if (a.kind === 'cluster') {
          const t = byCluster(a.cluster);
          if (t) targets.push({ ...t, weight: 100 });
        } else if (a.kind === 'weighted_clusters') {
          for (const wc of a.clusters) {
            const t = byCluster(wc.name);
            const weight =
              a.totalWeight > 0 ? Math.round((wc.weight / a.totalWeight) * 10000) / 100 : 0;
            if (t) targets.push({ ...t, weight });
          }
        }
        routes.push({
          virtualService: { namespace: ref.namespace, name: ref.name },
          ...(r.name ? { route: r.name } : {}),
          targets,
        });
      }
    }
  }
  return { workload, clusters, endpoints, routes };
}
