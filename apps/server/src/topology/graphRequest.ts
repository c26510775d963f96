// One Kiali graph API request, end to end: parse the path + query, run the engine against
// Prometheus, answer with Kiali's status and body. Shared by the router and `meshlens graph`.
import {
  accessKey,
  buildKialiGraph,
  parseGraphRequest,
  type KialiGraphResponse,
  type NamespaceInventory,
  type PromQueryFn,
} from '@meshlens/topology';

/** Kiali's default cluster name (also Istio's default cluster id). */
export const DEFAULT_CLUSTER_NAME = 'Kubernetes';

/** Deployment settings Kiali reads from its config and Kubernetes, given here as options. */
export interface TopologySettings {
  /** Runs PromQL instant queries (usually `createPrometheusClient`). */
  query: PromQueryFn;
  /** Kiali's home cluster name (`--cluster-name`); plain accessible namespaces belong to it. */
  clusterName?: string;
  /** Namespaces the user may see: `ns` (home cluster) or `cluster:ns`. Absent = all. */
  accessibleNamespaces?: readonly string[];
  /** Kiali's Prometheus `query_scope` (`--query-scope mesh_id=mesh1`). */
  queryScope?: Readonly<Record<string, string>>;
  /** What each namespace holds, for idle nodes (`appenders=idleNode`); e.g. from istiod's registry. */
  inventory?: (namespace: string) => Promise<NamespaceInventory | undefined>;
  /** Clock for the default `queryTime`, unix seconds. */
  now?: () => number;
}

/** Kiali's answer: a graph, or an error body `{ error }` with its status. */
export type GraphAnswer =
  | { status: 200; body: KialiGraphResponse; queries: string[] }
  | { status: number; body: { error: string } };

/** Turns `a,b,east:c` into `cluster:namespace` keys. */
export function accessibleKeys(list: readonly string[], homeCluster: string): Set<string> {
  const keys = new Set<string>();
  for (const raw of list) {
    const item = raw.trim();
    if (!item) continue;
    const i = item.lastIndexOf(':');
    keys.add(i > 0 ? accessKey(item.slice(0, i), item.slice(i + 1)) : accessKey(homeCluster, item));
  }
  return keys;
}

/** Parses `mesh_id=mesh1,region=eu` into a scope map; an error sentence when malformed. */
export function parseQueryScope(text: string): Record<string, string> | string {
  const scope: Record<string, string> = {};
  for (const part of text.split(',')) {
    if (!part.trim()) continue;
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(part);
    if (!m || m[1] === undefined || m[2] === undefined) {
      return `invalid query scope "${part}": use label=value[,label=value]`;
    }
    scope[m[1]] = m[2].replace(/^"(.*)"$/, '$1');
  }
  return scope;
}

/** Answers a Kiali graph API request (`/api/namespaces/graph?...` or a node graph path). */
export async function answerGraphRequest(
  path: string,
  query: URLSearchParams,
  settings: TopologySettings,
): Promise<GraphAnswer> {
  const now = settings.now ? settings.now() : Date.now() / 1000;
  const parsed = parseGraphRequest(path, query, now);
  if (!parsed.ok) return { status: parsed.error.status, body: { error: parsed.error.message } };
  const home = settings.clusterName ?? DEFAULT_CLUSTER_NAME;
  const result = await buildKialiGraph(parsed.options, {
    query: settings.query,
    homeCluster: home,
    ...(settings.inventory ? { inventory: settings.inventory } : {}),
    ...(settings.queryScope ? { queryScope: settings.queryScope } : {}),
    ...(settings.accessibleNamespaces
      ? { accessibleNamespaces: accessibleKeys(settings.accessibleNamespaces, home) }
      : {}),
  });
  if (!result.ok) return { status: result.status, body: { error: result.message } };
  return { status: 200, body: result.graph, queries: result.queries };
}

/** Splits `/api/namespaces/graph?x=y` into path and parameters. */
export function splitRequest(pathWithQuery: string): { path: string; query: URLSearchParams } {
  const url = new URL(pathWithQuery, 'http://meshlens.invalid');
  return { path: url.pathname, query: url.searchParams };
}
