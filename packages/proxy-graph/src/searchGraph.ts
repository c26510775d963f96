import type { ProxyGraph } from './graphTypes';

/**
 * Ids of the drawn nodes matching `query` (case-insensitive substring of the label, sublabel
 * or id, which holds the object name; ghosts carry the missing name). A collapsed group
 * matches when one of its members' ids does, so a search finds what is folded away.
 */
export function searchGraph(graph: ProxyGraph, query: string): string[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  const groups = new Map(graph.groups.map((g) => [g.id, g]));
  return graph.nodes
    .filter((n) => {
      if (`${n.label}\n${n.sublabel ?? ''}\n${n.id}`.toLowerCase().includes(q)) return true;
      const group = n.kind === 'group' ? groups.get(n.id) : undefined;
      return group?.members.some((m) => m.toLowerCase().includes(q)) ?? false;
    })
    .map((n) => n.id);
}
