import type { Aggregated } from './aggregateGraph';
import { foldKeyOf, type FoldIndex, type FoldKeyMemo } from './foldIndex';
import type { GraphParts, NodeShape } from './graphParts';
import {
  aggregationStages,
  groupColumnOrder as columnOrder,
  groupParentKind as parentKind,
  type GroupableKind,
  type GroupKey,
} from './groupKeys';
import type { GraphEdge, GraphGroup, GraphNode } from './graphTypes';

/** Node position -> id of the collapsed group standing for it. */
type Reps = Map<number, string>;

interface KeyGroup {
  key: GroupKey;
  members: number[];
}

/** The nodes of one kind by group key, in order of first member. */
function groupKind(
  index: FoldIndex,
  kind: GroupableKind,
  reps: Reps,
  keep: string | undefined,
  memo: FoldKeyMemo,
): Map<string, KeyGroup> {
  const byKey = new Map<string, KeyGroup>();
  const { nodes, parent, parentId } = index;
  for (const i of index.byKind.get(kind) ?? []) {
    const node = nodes[i] as NodeShape;
    if (node.id === keep) continue;
    const p = parent[i] as number;
    const parentRep = p >= 0 ? (reps.get(p) ?? (nodes[p] as NodeShape).id) : parentId[i];
    const key = foldKeyOf(index, i, parentRep, memo);
    if (!key) continue;
    const entry = byKey.get(key.id);
    if (entry) entry.members.push(i);
    else byKey.set(key.id, { key, members: [i] });
  }
  return byKey;
}

/**
 * What `foldStageCounts` computes, on the fold index: the node count of each prefix of
 * `aggregationStages` with nothing expanded, each (kind, parent folded) grouping made once.
 */
export function foldCounts(
  index: FoldIndex,
  keep: string | undefined,
  stop: (count: number) => boolean,
): number[] {
  const memo: FoldKeyMemo = new Map();
  const folds = new Map<string, { saved: number; reps: Reps }>();
  const fold = (kind: GroupableKind, parentFolded: boolean): { saved: number; reps: Reps } => {
    const foldKey = `${kind}:${parentFolded}`;
    const hit = folds.get(foldKey);
    if (hit) return hit;
    const parent = parentKind[kind];
    const parentReps =
      parentFolded && parent ? fold(parent, false).reps : new Map<number, string>();
    const out = { saved: 0, reps: new Map<number, string>() };
    for (const [id, { members }] of groupKind(index, kind, parentReps, keep, memo)) {
      if (members.length < 2) continue;
      out.saved += members.length - 1;
      for (const m of members) out.reps.set(m, id);
    }
    folds.set(foldKey, out);
    return out;
  };
  const counts: number[] = [];
  for (let i = 1; i <= aggregationStages.length; i++) {
    const folded = aggregationStages.slice(0, i);
    let count = index.nodes.length;
    for (const kind of folded) {
      const parent = parentKind[kind];
      count -= fold(kind, parent !== undefined && folded.includes(parent)).saved;
    }
    counts.push(count);
    if (stop(count)) break;
  }
  return counts;
}

/**
 * `aggregateGraph` on the fold index: folds the nodes of the `folded` kinds into group nodes,
 * except the members of `expanded` groups and the node `keep`; redirects and merges the edges.
 * Same nodes, edges and groups in the same order, without a string lookup per node and edge.
 */
export function foldGraph<N extends NodeShape>(
  index: FoldIndex,
  parts: GraphParts<N>,
  folded: readonly GroupableKind[],
  expanded: ReadonlySet<string>,
  keep: string | undefined,
): Aggregated<N> {
  const count = parts.nodes.length;
  const reps: Reps = new Map();
  const groupAt = new Int32Array(count).fill(-1);
  const openMember = new Map<number, string>();
  const groups: GraphGroup[] = [];
  const groupNodes: GraphNode[] = [];
  const memo: FoldKeyMemo = new Map();
  for (const kind of columnOrder) {
    if (!folded.includes(kind)) continue;
    for (const { key, members } of groupKind(index, kind, reps, keep, memo).values()) {
      if (members.length < 2) continue;
      const isOpen = expanded.has(key.id);
      const label = `${members.length} ${key.noun}`;
      groups.push({
        id: key.id,
        label,
        memberKind: kind,
        members: members.map((m) => (parts.nodes[m] as N).id),
        collapsed: !isOpen,
      });
      if (isOpen) {
        for (const m of members) openMember.set(m, key.id);
        continue;
      }
      const first = parts.nodes[members[0] as number] as N;
      let direction = first.direction;
      for (const m of members) {
        reps.set(m, key.id);
        groupAt[m] = groupNodes.length;
        if ((parts.nodes[m] as N).direction !== direction) direction = 'other';
      }
      groupNodes.push({
        id: key.id,
        kind: 'group',
        label,
        sublabel: key.sublabel,
        column: first.column,
        direction,
        memberCount: members.length,
        memberKind: kind,
      });
    }
  }
  // Copies, not mutations: the skeleton is cached per dump and shared between view states.
  const kept: N[] = [];
  for (let i = 0; i < count; i++) {
    if (groupAt[i] !== -1) continue;
    const n = parts.nodes[i] as N;
    const groupOf = openMember.get(i);
    kept.push(groupOf ? { ...n, groupOf } : n);
  }
  if (groupNodes.length === 0) return { nodes: kept, edges: parts.edges, groups };
  return {
    nodes: [...kept, ...groupNodes],
    edges: foldEdges(index, parts, groupAt, groupNodes),
    groups,
  };
}

/** Edges redirected to the groups; a merged edge keeps a weight only if all agree. */
function foldEdges(
  index: FoldIndex,
  parts: GraphParts<NodeShape>,
  groupAt: Int32Array,
  groupNodes: GraphNode[],
): GraphEdge[] {
  const count = parts.nodes.length;
  const slots = count + groupNodes.length;
  // Edges between two unfolded nodes are unique already and pass through unchanged; only
  // redirected edges can collide, and they are merged by (source, target) position.
  const edges: GraphEdge[] = [];
  const merged = new Map<number, GraphEdge>();
  for (let k = 0; k < parts.edges.length; k++) {
    const e = parts.edges[k] as GraphEdge;
    const s = index.edgeSource[k] as number;
    const t = index.edgeTarget[k] as number;
    const gs = s >= 0 ? (groupAt[s] as number) : -1;
    const gt = t >= 0 ? (groupAt[t] as number) : -1;
    if (gs === -1 && gt === -1) {
      edges.push(e);
      continue;
    }
    const source = gs === -1 ? e.source : (groupNodes[gs] as GraphNode).id;
    const target = gt === -1 ? e.target : (groupNodes[gt] as GraphNode).id;
    if (source === target) continue;
    const slot = (gs === -1 ? s : count + gs) * slots + (gt === -1 ? t : count + gt);
    const existing = merged.get(slot);
    if (!existing) {
      const edge: GraphEdge = { ...e, id: `${source}->${target}`, source, target };
      merged.set(slot, edge);
      edges.push(edge);
    } else if (existing.weight !== e.weight) {
      delete existing.weight;
      delete existing.label;
    }
  }
  return edges;
}
