import type { GraphEdge, GraphNode } from './graphTypes';

/** A graph under construction: the nodes and edges one view step hands to the next. */
export interface GraphParts {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** Keeps the given nodes and the edges between two kept nodes. */
export function keepNodes(parts: GraphParts, keep: (node: GraphNode) => boolean): GraphParts {
  const nodes = parts.nodes.filter(keep);
  const ids = new Set(nodes.map((n) => n.id));
  return { nodes, edges: parts.edges.filter((e) => ids.has(e.source) && ids.has(e.target)) };
}

/** Outgoing and incoming edges per node id. */
export function adjacency(edges: GraphEdge[]): {
  out: Map<string, GraphEdge[]>;
  in: Map<string, GraphEdge[]>;
} {
  const out = new Map<string, GraphEdge[]>();
  const inc = new Map<string, GraphEdge[]>();
  for (const e of edges) {
    const o = out.get(e.source);
    if (o) o.push(e);
    else out.set(e.source, [e]);
    const i = inc.get(e.target);
    if (i) i.push(e);
    else inc.set(e.target, [e]);
  }
  return { out, in: inc };
}
