// Builds Kiali's traffic graph from Prometheus: the namespace graph (per namespace, then merged)
// or a node-detail graph, followed by Kiali's always-on finalizers and the service-graph reduction.
import { wantsAppender, type KialiGraphOptions } from './graphOptions';
import type { KialiGraphResponse } from './kialiGraphJson';
import { addNode } from './kialiNodeId';
import { markOutsiders, markRoots, type AccessibleNamespaces } from './markOutsiders';
import { markWaypoints, waypointByName, type WaypointPredicate } from './markWaypoints';
import { mergeTrafficMaps } from './mergeTrafficMaps';
import { populateTrafficMap, type PopulateContext } from './populateTrafficMap';
import { namespaceQueries, nodeQueries, type TrafficQuery } from './promQueries';
import type { PromQueryFn } from './promVector';
import { reduceToServiceGraph } from './reduceToServiceGraph';
import { toKialiJson } from './toKialiJson';
import type { TrafficMap } from './trafficMap';
import { runEdgeAppenders } from './edgeAppenders';
import { addIdleNodes, type NamespaceInventory } from './addIdleNodes';

/** Everything a graph needs besides the request: where the data comes from and who may see what. */
export interface KialiGraphSettings {
  /** Runs instant queries (the server passes its Prometheus client). */
  query: PromQueryFn;
  /** Kiali's `query_scope`: label matchers added to every selector (e.g. `{mesh_id: 'mesh1'}`). */
  queryScope?: Readonly<Record<string, string>>;
  /** `cluster:namespace` pairs the user may see; undefined = all (nothing marked inaccessible). */
  accessibleNamespaces?: AccessibleNamespaces;
  /** Which workloads are ambient waypoints (default: by name). */
  isWaypoint?: WaypointPredicate;
  /**
   * What exists in a namespace (services, workloads), for Kiali's idleNode appender: nodes with no
   * traffic. Kiali reads Kubernetes; Meshlens can answer from istiod's registry or proxy dumps.
   */
  inventory?: (namespace: string) => Promise<NamespaceInventory | undefined>;
  /** Home cluster name, the cluster of idle nodes (default `Kubernetes`). */
  homeCluster?: string;
  /** Whether a namespace is ambient (adds Kiali's ambient ingress query); default: every namespace when ambient traffic is requested. */
  isAmbientNamespace?: (namespace: string) => boolean;
}

/** The graph, or Kiali's error status and message. */
export type KialiGraphResult =
  | { ok: true; graph: KialiGraphResponse; queries: string[] }
  | { ok: false; status: number; message: string };

async function runQueries(
  map: TrafficMap,
  queries: readonly TrafficQuery[],
  ctx: PopulateContext,
  settings: KialiGraphSettings,
  sent: string[],
): Promise<string | undefined> {
  // Queries run concurrently but are read in Kiali's order: first-seen values then match Kiali's.
  const results = await Promise.all(
    queries.map((q) => settings.query(q.query, ctx.options.queryTime)),
  );
  for (const [i, q] of queries.entries()) {
    const r = results[i];
    sent.push(q.query);
    if (!r) continue;
    if (!r.ok) return r.error;
    populateTrafficMap(map, r.vector, q.metric, q.kind, ctx);
  }
  return undefined;
}

/** Builds the graph Kiali's `/api/namespaces/graph` (or node graph) would return. */
export async function buildKialiGraph(
  options: KialiGraphOptions,
  settings: KialiGraphSettings,
): Promise<KialiGraphResult> {
  const accessible = settings.accessibleNamespaces;
  for (const ns of options.namespaces) {
    if (accessible && ![...accessible].some((k) => k.endsWith(`:${ns}`))) {
      return { ok: false, status: 403, message: `Requested namespace [${ns}] is not accessible.` };
    }
  }
  const scope = settings.queryScope ?? {};
  const isWaypoint = settings.isWaypoint ?? waypointByName;
  const ctx: PopulateContext = { options, isWaypoint };
  const sent: string[] = [];
  let map: TrafficMap = new Map();

  if (options.node) {
    const error = await runQueries(
      map,
      nodeQueries(options.node, options, scope),
      ctx,
      settings,
      sent,
    );
    if (error) return { ok: false, status: 503, message: error };
    const appendError = await runEdgeAppenders(
      map,
      options,
      options.node.namespace,
      settings,
      sent,
    );
    if (appendError) return { ok: false, status: 503, message: appendError };
    if (map.size === 0) {
      const n = options.node;
      // A node without traffic is still shown.
      addNode(
        map,
        {
          cluster: options.clusterName ?? 'unknown',
          serviceNamespace: n.namespace,
          service: n.service ?? '',
          workloadNamespace: n.namespace,
          workload: n.workload ?? '',
          app: n.app ?? '',
          version: n.version ?? '',
        },
        options.graphType,
      );
    }
  } else {
    for (const ns of options.namespaces) {
      const nsMap: TrafficMap = new Map();
      const ambientNs = settings.isAmbientNamespace ? settings.isAmbientNamespace(ns) : true;
      const error = await runQueries(
        nsMap,
        namespaceQueries(ns, options, scope, ambientNs),
        ctx,
        settings,
        sent,
      );
      if (error) return { ok: false, status: 503, message: error };
      const appendError = await runEdgeAppenders(nsMap, options, ns, settings, sent);
      if (appendError) return { ok: false, status: 503, message: appendError };
      if (settings.inventory && wantsAppender(options, 'idleNode')) {
        const inventory = await settings.inventory(ns);
        if (inventory)
          addIdleNodes(nsMap, ns, settings.homeCluster ?? 'Kubernetes', inventory, options);
      }
      mergeTrafficMaps(map, ns, nsMap);
    }
  }

  markOutsiders(map, options.namespaces, accessible);
  if (wantsAppender(options, 'ambient')) markWaypoints(map, isWaypoint, options.waypoints);
  markRoots(map);
  if (options.graphType === 'service' && !options.node) map = reduceToServiceGraph(map);
  return { ok: true, graph: toKialiJson(map, options), queries: sent };
}
