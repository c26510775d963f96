import type { ProxyGraph } from './graphTypes';

/** Ids of the nodes whose label, sublabel or id contains `query` (case-insensitive), in graph order. */
export function searchGraph(graph: ProxyGraph, query: string): string[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  return graph.nodes
    .filter((n) => `${n.label}\n${n.sublabel ?? ''}\n${n.id}`.toLowerCase().includes(q))
    .map((n) => n.id);
}
