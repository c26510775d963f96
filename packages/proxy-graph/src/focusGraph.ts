import { adjacency, type GraphParts, type NodeShape } from './graphParts';

/**
 * Only what lies on a path through `focus`: its ancestors, its descendants, and the edges among
 * ancestors or among descendants. An edge from an ancestor straight to a descendant bypasses
 * the focused node and is dropped. Returns undefined when `focus` is not on the graph.
 */
export function focusGraph<N extends NodeShape>(
  parts: GraphParts<N>,
  focus: string,
): GraphParts<N> | undefined {
  if (!parts.nodes.some((n) => n.id === focus)) return undefined;
  const { out, in: inc } = adjacency(parts.edges);
  const walk = (next: (id: string) => string[]): Set<string> => {
    const seen = new Set<string>([focus]);
    const stack = [focus];
    while (stack.length > 0) {
      for (const n of next(stack.pop() as string)) {
        if (!seen.has(n)) {
          seen.add(n);
          stack.push(n);
        }
      }
    }
    return seen;
  };
  const up = walk((id) => (inc.get(id) ?? []).map((e) => e.source));
  const down = walk((id) => (out.get(id) ?? []).map((e) => e.target));
  return {
    nodes: parts.nodes.filter((n) => up.has(n.id) || down.has(n.id)),
    edges: parts.edges.filter(
      (e) => (up.has(e.source) && up.has(e.target)) || (down.has(e.source) && down.has(e.target)),
    ),
  };
}
