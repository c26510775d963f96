import type { NodeShape, NodeText } from './graphParts';
import type { GraphEdge } from './graphTypes';

/** Percent text for an edge label: `30%`, `33.3%`. */
export function percentLabel(percent: number): string {
  return `${Number(percent.toFixed(1))}%`;
}

/**
 * Collects nodes and edges in insertion order (so the same dump always yields the same order)
 * and merges duplicates: a node id is added once, parallel edges become one edge whose weight
 * is the sum (two weighted targets naming the same cluster are one 50% + 50% = 100% edge).
 * A node's text is kept as a function and only called for nodes that are drawn.
 */
export class GraphAccumulator {
  /** The nodes in insertion order, with the text function of each at the same position. */
  readonly nodes: NodeShape[] = [];
  readonly texts: (() => NodeText)[] = [];
  /** Per node: the id of the parent its group is named after (`parentIdOf`), if any. */
  readonly parentIds: (string | undefined)[] = [];
  /** Node id -> position in `nodes`. */
  readonly position = new Map<string, number>();
  readonly edges = new Map<string, GraphEdge>();

  /**
   * Adds a node unless one with the same id exists. `parentId` is what `parentIdOf` would
   * compute, handed over by the builder that has the string already (one concatenation less
   * per endpoint, route and filter chain when the graph is folded).
   */
  addNode(node: NodeShape, text: () => NodeText, parentId?: string): void {
    if (this.position.has(node.id)) return;
    this.position.set(node.id, this.nodes.length);
    this.nodes.push(node);
    this.texts.push(text);
    this.parentIds.push(parentId);
  }

  has(id: string): boolean {
    return this.position.has(id);
  }

  /** Adds an edge, merging it into an existing edge between the same two nodes. */
  addEdge(source: string, target: string, kind: GraphEdge['kind'], weight?: number): void {
    if (source === target) return;
    const id = `${source}->${target}`;
    const existing = this.edges.get(id);
    if (existing) {
      if (weight !== undefined && existing.weight !== undefined) {
        existing.weight += weight;
        existing.label = percentLabel(existing.weight);
      }
      return;
    }
    const edge: GraphEdge = { id, source, target, kind };
    if (weight !== undefined) {
      edge.weight = weight;
      edge.label = percentLabel(weight);
    } else if (kind === 'mirror') {
      edge.label = 'mirror';
    }
    this.edges.set(id, edge);
  }
}
