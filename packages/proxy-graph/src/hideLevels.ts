import { adjacency, type GraphParts, type NodeShape } from './graphParts';
import type { GraphEdge, HideableLevel } from './graphTypes';

const levelOrder: HideableLevel[] = [
  'filter_chain',
  'route_config',
  'virtual_host',
  'route',
  'endpoint',
  'secret',
];

/**
 * Removes the nodes of the hidden levels and connects each removed node's parents to its
 * children (listener -> route config when filter chains are hidden). A reconnected edge keeps
 * the kind and weight of the edge it continues; when several paths merge into one edge and
 * their weights differ, the weight is dropped because no single share describes them.
 * `keep` (the focused node) is never hidden.
 */
export function hideLevels<N extends NodeShape>(
  parts: GraphParts<N>,
  hidden: HideableLevel[],
  keep?: string,
): GraphParts<N> {
  let current = parts;
  for (const level of levelOrder) {
    if (hidden.includes(level)) current = hideKind(current, level, keep);
  }
  return current;
}

function hideKind<N extends NodeShape>(
  parts: GraphParts<N>,
  kind: HideableLevel,
  keep: string | undefined,
): GraphParts<N> {
  const removed = new Set(
    parts.nodes.filter((n) => n.kind === kind && n.id !== keep).map((n) => n.id),
  );
  // Ghosts of a hidden level stand for missing objects of that level, so they go too.
  for (const n of parts.nodes) {
    if (n.kind === 'ghost' && n.expected === (kind === 'endpoint' ? 'endpoints' : kind)) {
      if (n.id !== keep) removed.add(n.id);
    }
  }
  if (removed.size === 0) return parts;
  const { out, in: inc } = adjacency(parts.edges);
  const edges = new Map<string, GraphEdge>();
  const add = (e: GraphEdge): void => {
    if (e.source === e.target) return;
    const existing = edges.get(e.id);
    if (!existing) {
      edges.set(e.id, { ...e });
    } else if (existing.weight !== e.weight) {
      delete existing.weight;
      delete existing.label;
    }
  };
  for (const e of parts.edges) {
    if (!removed.has(e.source) && !removed.has(e.target)) add(e);
  }
  for (const id of removed) {
    const parents = (inc.get(id) ?? []).map((e) => e.source).filter((s) => !removed.has(s));
    for (const child of out.get(id) ?? []) {
      if (removed.has(child.target)) continue;
      for (const parent of parents) {
        const edge: GraphEdge = {
          id: `${parent}->${child.target}`,
          source: parent,
          target: child.target,
          kind: child.kind === 'contains' ? 'reconnected' : child.kind,
        };
        if (child.weight !== undefined) edge.weight = child.weight;
        if (child.label !== undefined) edge.label = child.label;
        add(edge);
      }
    }
  }
  return { nodes: parts.nodes.filter((n) => !removed.has(n.id)), edges: [...edges.values()] };
}
