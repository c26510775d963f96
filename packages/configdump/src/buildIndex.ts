import { warn } from './context';
import type { ParseContext } from './context';
import type {
  Cluster,
  ClusterEndpoints,
  DanglingReference,
  DumpIndex,
  ExtensionConfig,
  Listener,
  ObjectRef,
  Reference,
  RouteConfig,
  ScopedRouteConfig,
  Secret,
  SectionKind,
} from './model';

/** What the index is built from. */
export interface IndexInput {
  sections: ReadonlySet<SectionKind>;
  listeners: Listener[];
  routeConfigs: RouteConfig[];
  scopedRouteConfigs: ScopedRouteConfig[];
  clusters: Cluster[];
  endpoints: ClusterEndpoints[];
  secrets: Secret[];
  extensionConfigs: ExtensionConfig[];
}

// When one name has several entries (a listener both active and warming), the map keeps the
// one traffic uses now.
const STATE_RANK = { active: 0, static: 1, warming: 2, draining: 3, error: 4 } as const;

function byName<T extends { name: string; state: keyof typeof STATE_RANK }>(
  ctx: ParseContext,
  items: T[],
  what: string,
): Map<string, T> {
  const m = new Map<string, T>();
  for (const it of items) {
    const prev = m.get(it.name);
    if (!prev) m.set(it.name, it);
    else {
      // Envoy <= 1.15 lists listeners' inline route configs as static ones, names repeat there.
      if (prev.state === it.state && it.state !== 'static' && it.name !== '') {
        warn(ctx, 'duplicate_name', `two ${what}s named "${it.name}" (${it.state})`);
      }
      if (STATE_RANK[it.state] < STATE_RANK[prev.state]) m.set(it.name, it);
    }
  }
  return m;
}

/** Builds the lookup maps and the reference graph (see `DumpIndex`). Linear in the dump size. */
export function buildIndex(ctx: ParseContext, d: IndexInput): DumpIndex {
  const listenerByName = byName(ctx, d.listeners, 'listener');
  const routeConfigByName = byName(ctx, d.routeConfigs, 'route configuration');
  const clusterByName = byName(ctx, d.clusters, 'cluster');
  const secretByName = byName(ctx, d.secrets, 'secret');
  const extensionConfigByName = byName(ctx, d.extensionConfigs, 'extension config');
  const endpointsByCluster = new Map<string, ClusterEndpoints>();
  for (const e of d.endpoints)
    if (!endpointsByCluster.has(e.clusterName)) endpointsByCluster.set(e.clusterName, e);
  // EDS keys endpoints by service name; make them reachable by cluster name too.
  for (const c of d.clusters) {
    if (c.edsServiceName && !endpointsByCluster.has(c.name)) {
      const e = endpointsByCluster.get(c.edsServiceName);
      if (e) endpointsByCluster.set(c.name, e);
    }
  }
  const scopesByName = new Map<string, ScopedRouteConfig[]>();
  for (const s of d.scopedRouteConfigs) {
    if (s.scopedRoutesName === undefined) continue;
    const list = scopesByName.get(s.scopedRoutesName);
    if (list) list.push(s);
    else scopesByName.set(s.scopedRoutesName, [s]);
  }

  const references: Reference[] = [];
  const dangling: DanglingReference[] = [];
  const has = (s: SectionKind): boolean => d.sections.has(s);

  const toRouteConfig = (from: ObjectRef, name: string, via: Reference['via']): void => {
    if (name === '') return;
    if (routeConfigByName.has(name))
      references.push({ from, to: { kind: 'route_config', name }, via });
    else if (has('routes')) dangling.push({ from, via, name, expected: 'route_config' });
  };
  const toCluster = (
    from: ObjectRef,
    name: string,
    via: Reference['via'],
    weight?: number,
  ): void => {
    if (clusterByName.has(name)) {
      const r: Reference = { from, to: { kind: 'cluster', name }, via };
      if (weight !== undefined) r.weight = weight;
      references.push(r);
    } else if (has('clusters')) dangling.push({ from, via, name, expected: 'cluster' });
  };

  const walkRoutes = (rc: RouteConfig): void => {
    for (const vh of rc.virtualHosts) {
      for (const r of vh.routes) {
        const from: ObjectRef = {
          kind: 'route',
          routeConfig: rc.name,
          virtualHost: vh.name,
          index: r.index,
        };
        const a = r.action;
        if (a.kind === 'cluster') toCluster(from, a.cluster, 'route_cluster');
        else if (a.kind === 'weighted_clusters') {
          for (const w of a.clusters)
            if (w.name) toCluster(from, w.name, 'weighted_cluster', w.weight);
        }
        if (a.kind === 'cluster' || a.kind === 'weighted_clusters' || a.kind === 'cluster_header') {
          for (const m of a.options.mirrors) toCluster(from, m.cluster, 'mirror_cluster');
        }
      }
    }
  };

  for (const l of d.listeners) {
    const chains = l.defaultFilterChain
      ? [...l.filterChains, l.defaultFilterChain]
      : l.filterChains;
    for (const fc of chains) {
      const from: ObjectRef = { kind: 'filter_chain', listener: l.name, index: fc.index };
      for (const f of fc.filters) {
        if (f.kind === 'http_connection_manager') {
          const src = f.routeSource;
          if (src.kind === 'rds') toRouteConfig(from, src.routeConfigName, 'rds');
          else if (src.kind === 'inline') {
            references.push({
              from,
              to: { kind: 'route_config', name: src.routeConfig.name },
              via: 'inline_route',
            });
            walkRoutes(src.routeConfig);
          } else if (src.kind === 'scoped') {
            const names = new Set(src.scopeRouteConfigNames);
            for (const s of scopesByName.get(src.scopedRoutesName ?? '') ?? []) {
              if (s.routeConfigurationName) names.add(s.routeConfigurationName);
            }
            for (const n of names) toRouteConfig(from, n, 'scoped_rds');
          }
          for (const h of f.httpFilters) {
            if (!h.configDiscovery) continue;
            if (extensionConfigByName.has(h.name)) {
              references.push({
                from,
                to: { kind: 'extension_config', name: h.name },
                via: 'ecds',
              });
            } else if (has('ecds')) {
              dangling.push({ from, via: 'ecds', name: h.name, expected: 'extension_config' });
            }
          }
        } else if (f.kind === 'tcp_proxy') {
          const seen = new Set<string>();
          if (f.cluster !== undefined) seen.add(f.cluster);
          for (const c of f.legacyRouteClusters ?? []) seen.add(c);
          for (const c of seen) toCluster(from, c, 'tcp_cluster');
          for (const w of f.weightedClusters) toCluster(from, w.name, 'weighted_cluster', w.weight);
        }
      }
    }
  }
  for (const rc of d.routeConfigs) walkRoutes(rc);

  for (const c of d.clusters) {
    const from: ObjectRef = { kind: 'cluster', name: c.name };
    const eps = endpointsByCluster.get(c.name);
    if (eps) references.push({ from, to: { kind: 'endpoints', cluster: c.name }, via: 'eds' });
    else if (c.type === 'EDS' && has('endpoints')) {
      dangling.push({ from, via: 'eds', name: c.edsServiceName ?? c.name, expected: 'endpoints' });
    }
    for (const a of c.aggregateClusters) toCluster(from, a, 'aggregate');
    for (const s of c.tls?.sdsSecrets ?? []) {
      if (secretByName.has(s))
        references.push({ from, to: { kind: 'secret', name: s }, via: 'sds' });
      else if (has('secrets')) dangling.push({ from, via: 'sds', name: s, expected: 'secret' });
    }
  }

  return {
    listenerByName,
    routeConfigByName,
    clusterByName,
    endpointsByCluster,
    secretByName,
    extensionConfigByName,
    references,
    dangling,
  };
}
