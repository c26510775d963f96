import type { ConfigDump } from '@meshlens/configdump';
import type { Positions } from './graphDirections';
import type { GraphParts, NodeShape } from './graphParts';
import {
  aggregationStages,
  computeGroupKey,
  parentIdOf,
  type GroupableKind,
  type GroupKey,
} from './groupKeys';

/**
 * The graph as numbers, for folding: node positions instead of ids, so grouping and edge
 * redirection are array reads instead of string-keyed lookups. Made once per node list.
 */
export interface FoldIndex {
  dump: ConfigDump;
  nodes: readonly NodeShape[];
  /** Node positions of each groupable kind, in node order. */
  byKind: Map<GroupableKind, number[]>;
  /** Position of the parent whose group names a node's group, or -1 (see `parentIdOf`). */
  parent: Int32Array;
  /** The parent's id when it is not on the graph (it then stands for itself). */
  parentId: (string | undefined)[];
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
  /** Group keys of the kinds whose key does not depend on a parent, made on first use. */
  ownKey: (GroupKey | undefined | null)[];
}

const groupable = new Set<string>(aggregationStages);

const indexes = new WeakMap<GraphParts<NodeShape>, FoldIndex>();

/** The fold index of a graph (cached per graph object: the skeleton's is made once). */
export function foldIndexOf(
  dump: ConfigDump,
  parts: GraphParts<NodeShape> &
    Partial<Positions> & { parentIds?: readonly (string | undefined)[] },
): FoldIndex {
  const hit = indexes.get(parts);
  if (hit) return hit;
  const { nodes, edges } = parts;
  const position = parts.position ?? new Map<string, number>();
  if (!parts.position) {
    for (let i = 0; i < nodes.length; i++) position.set((nodes[i] as NodeShape).id, i);
  }
  const byKind = new Map<GroupableKind, number[]>();
  const parent = new Int32Array(nodes.length).fill(-1);
  const parentId: (string | undefined)[] = new Array<string | undefined>(nodes.length);
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as NodeShape;
    if (!groupable.has(node.kind) || node.ref === undefined) continue;
    const kind = node.kind as GroupableKind;
    const list = byKind.get(kind);
    if (list) list.push(i);
    else byKind.set(kind, [i]);
    const pid = parts.parentIds ? parts.parentIds[i] : parentIdOf(node);
    if (pid === undefined) continue;
    const p = position.get(pid);
    if (p === undefined) parentId[i] = pid;
    else parent[i] = p;
  }
  let { edgeSource, edgeTarget } = parts;
  if (!edgeSource || !edgeTarget) {
    edgeSource = new Int32Array(edges.length);
    edgeTarget = new Int32Array(edges.length);
    for (let e = 0; e < edges.length; e++) {
      const edge = edges[e] as (typeof edges)[number];
      edgeSource[e] = position.get(edge.source) ?? -1;
      edgeTarget[e] = position.get(edge.target) ?? -1;
    }
  }
  const index: FoldIndex = {
    dump,
    nodes,
    byKind,
    parent,
    parentId,
    edgeSource,
    edgeTarget,
    ownKey: new Array<GroupKey | undefined | null>(nodes.length),
  };
  indexes.set(parts, index);
  return index;
}

/** Group keys by node kind, then by the id standing for the parent. */
export type FoldKeyMemo = Map<string, Map<string, GroupKey | undefined>>;

/**
 * The group key of node `i` when its kind is folded, given the id standing for its parent
 * (`parentRep`: the parent's own id, or the group it was folded into). A key's id depends on
 * the kind and `parentRep` alone, and a group keeps its first member's key, so the key made for
 * the first node of each (kind, parentRep) serves every later one (39k endpoints, one key per
 * cluster or cluster group).
 */
export function foldKeyOf(
  index: FoldIndex,
  i: number,
  parentRep: string | undefined,
  memo: FoldKeyMemo,
): GroupKey | undefined {
  const node = index.nodes[i] as NodeShape;
  if (parentRep === undefined) {
    let key = index.ownKey[i];
    if (key === undefined) {
      key = computeGroupKey(index.dump, node, undefined) ?? null;
      index.ownKey[i] = key;
    }
    return key ?? undefined;
  }
  let byParent = memo.get(node.kind);
  if (!byParent) memo.set(node.kind, (byParent = new Map()));
  const hit = byParent.get(parentRep);
  if (hit !== undefined || byParent.has(parentRep)) return hit;
  const key = computeGroupKey(index.dump, node, parentRep);
  byParent.set(parentRep, key);
  return key;
}
