import type { DumpDiff } from '@meshlens/diff';
import type { GraphEdge, GraphNode, ProxyGraph } from '@meshlens/proxy-graph';
import { changeNodeId, sideOf } from './changeNodeId';

/** How a drawn node differs between the two dumps. */
export type DiffNodeStatus = 'added' | 'removed' | 'changed';

/** The right-hand graph with the left-only removed nodes put back, and a status per node id. */
export interface DiffGraph {
  graph: ProxyGraph;
  status: Map<string, DiffNodeStatus>;
  /** Node id -> the change it stands for (children of added/removed objects point at the parent). */
  changeOf: Map<string, number>;
}

/** Edges that make a node part of its parent (the diff lists an added listener, not its chains). */
const CHILD_EDGES = new Set<GraphEdge['kind']>(['contains', 'endpoint']);

/**
 * The graph of the right dump, plus the nodes only the left dump has that the diff removed (and
 * their children), coloured by the diff: a node is `added` / `removed` / `changed` when the diff
 * says so of its object; children of an added (removed) object that only the right (left) graph
 * has share its status. Nodes the diff did not compare (e.g. bootstrap objects present on one side
 * only) stay uncoloured, so the graph never claims more than the list. Folded groups take the
 * status of their members (`changed` when they mix).
 */
export function mergeDiffGraph(left: ProxyGraph, right: ProxyGraph, diff: DumpDiff): DiffGraph {
  const status = new Map<string, DiffNodeStatus>();
  const changeOf = new Map<string, number>();
  const leftIds = new Map(left.nodes.map((n) => [n.id, n]));
  const rightIds = new Set(right.nodes.map((n) => n.id));
  const children = (g: ProxyGraph): Map<string, string[]> => {
    const out = new Map<string, string[]>();
    for (const e of g.edges) {
      if (!CHILD_EDGES.has(e.kind)) continue;
      const list = out.get(e.source);
      if (list) list.push(e.target);
      else out.set(e.source, [e.target]);
    }
    return out;
  };
  const leftChildren = children(left);
  const rightChildren = children(right);

  const mark = (id: string, s: DiffNodeStatus, i: number): void => {
    status.set(id, s);
    if (!changeOf.has(id)) changeOf.set(id, i);
    if (s === 'changed') return;
    // Walk down to the children the other side lacks: they came or went with their parent.
    const [kids, other] = s === 'added' ? [rightChildren, leftIds] : [leftChildren, rightIds];
    const stack = [...(kids.get(id) ?? [])];
    while (stack.length > 0) {
      const kid = stack.pop() as string;
      if (other.has(kid) || status.has(kid)) continue;
      status.set(kid, s);
      changeOf.set(kid, i);
      stack.push(...(kids.get(kid) ?? []));
    }
  };
  diff.changes.forEach((c, i) => {
    const id = changeNodeId(c, sideOf(c));
    if (id !== undefined) mark(id, c.status, i);
  });

  const nodes: GraphNode[] = [...right.nodes];
  for (const n of left.nodes) {
    if (!rightIds.has(n.id) && status.get(n.id) === 'removed') nodes.push(n);
  }
  const drawn = new Set(nodes.map((n) => n.id));
  const edgeIds = new Set(right.edges.map((e) => e.id));
  const edges = [...right.edges];
  for (const e of left.edges) {
    if (edgeIds.has(e.id) || !drawn.has(e.source) || !drawn.has(e.target)) continue;
    if (rightIds.has(e.source) && rightIds.has(e.target)) continue;
    edges.push(e);
    edgeIds.add(e.id);
  }
  for (const g of [...right.groups, ...left.groups]) {
    if (!g.collapsed || !drawn.has(g.id)) continue;
    const inside = new Set(g.members.flatMap((m) => status.get(m) ?? []));
    if (inside.size === 0) continue;
    status.set(g.id, inside.size === 1 ? ([...inside][0] as DiffNodeStatus) : 'changed');
  }
  // Only drawn nodes count (a changed object folded away or filtered out is not on the canvas).
  for (const id of [...status.keys()]) if (!drawn.has(id)) status.delete(id);
  return {
    graph: { ...right, nodes, edges, groups: right.groups },
    status,
    changeOf,
  };
}

/** Drawn node ids of one status, sorted (the test hook and the legend counts). */
export function idsWithStatus(g: DiffGraph, s: DiffNodeStatus): string[] {
  return [...g.status]
    .filter(([, v]) => v === s)
    .map(([id]) => id)
    .sort();
}
