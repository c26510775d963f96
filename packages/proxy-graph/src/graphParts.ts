import type { GraphEdge, GraphNode } from './graphTypes';

/**
 * A graph node without its text: everything filtering, focusing and folding decide on. Labels
 * cost more than the rest of a node (route matches, addresses, TLS summaries), so they are only
 * made for the nodes that end up drawn (see `GraphSkeleton`).
 */
export type NodeShape = Omit<GraphNode, 'label' | 'sublabel'>;

/** The text of a node: what `NodeShape` leaves out. */
export type NodeText = Pick<GraphNode, 'label' | 'sublabel'>;

/** A graph under construction: the nodes and edges one view step hands to the next. */
export interface GraphParts<N extends NodeShape = GraphNode> {
  nodes: N[];
  edges: GraphEdge[];
}

/** Keeps the given nodes (`keep` gets each node and its position) and the edges between them. */
export function keepNodes<N extends NodeShape>(
  parts: GraphParts<N>,
  keep: (node: N, position: number) => boolean,
): GraphParts<N> {
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
