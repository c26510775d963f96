// The last graph built for each dump, kept across unmounts of the graph view.
import type { ConfigDump } from '@meshlens/configdump';
import { buildProxyGraph, type ProxyGraph, type ProxyGraphOptions } from '@meshlens/proxy-graph';

const lastBuilt = new WeakMap<ConfigDump, { key: string; graph: ProxyGraph }>();

/**
 * `buildProxyGraph`, remembering the last answer per dump: switching to the tables or the overview
 * and back unmounts the graph view, and refolding a 200 MB dump costs a few hundred ms of main
 * thread that the user would feel as a frozen click. The dump is the WeakMap key, so a closed tab
 * frees its graph.
 */
export function cachedProxyGraph(dump: ConfigDump, options: ProxyGraphOptions): ProxyGraph {
  const key = JSON.stringify([
    options.direction ?? 'all',
    options.hiddenLevels ?? [],
    options.expanded ?? [],
    options.focus ?? null,
    options.aggregateThreshold ?? null,
  ]);
  const hit = lastBuilt.get(dump);
  if (hit !== undefined && hit.key === key) return hit.graph;
  const graph = buildProxyGraph(dump, options);
  lastBuilt.set(dump, { key, graph });
  return graph;
}
