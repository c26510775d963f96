import type { ConfigDump } from '@meshlens/configdump';
import type { GraphParts, NodeShape } from './graphParts';
import {
  aggregationStages,
  groupKeyOf,
  groupParentKind as parentKind,
  type GroupableKind,
} from './groupKeys';

interface KindFold {
  /** Nodes that disappear: members of groups of two or more, minus one group node each. */
  saved: number;
  /** Member id -> group id, for the children's keys. */
  repOf: Map<string, string>;
}

/**
 * The node count `aggregateGraph` gives (nothing expanded) for each prefix of
 * `aggregationStages`, without building any graph: a kind's groups depend only on whether its
 * parent kind is folded, so each (kind, parent folded) grouping is computed once instead of
 * once per stage. On a 200 MB dump this replaced six full aggregation passes. The reference
 * for `foldCounts` (same counts on positions), see buildProxyGraph.equivalence.test.ts.
 */
export function foldStageCounts(
  dump: ConfigDump,
  parts: GraphParts<NodeShape>,
  keep: string | undefined,
  stop: (count: number) => boolean = () => false,
): number[] {
  const byKind = new Map<string, NodeShape[]>();
  for (const node of parts.nodes) {
    if (node.id === keep) continue;
    const list = byKind.get(node.kind);
    if (list) list.push(node);
    else byKind.set(node.kind, [node]);
  }
  const memo = new Map<string, KindFold>();
  const none = new Map<string, string>();
  const fold = (kind: GroupableKind, parentFolded: boolean): KindFold => {
    const memoKey = `${kind}:${parentFolded}`;
    const hit = memo.get(memoKey);
    if (hit) return hit;
    const parent = parentKind[kind];
    const parentRep = parentFolded && parent ? fold(parent, false).repOf : none;
    const rep = (id: string): string => parentRep.get(id) ?? id;
    const members = new Map<string, string[]>();
    for (const node of byKind.get(kind) ?? []) {
      const key = groupKeyOf(dump, node, rep);
      if (!key) continue;
      const list = members.get(key.id);
      if (list) list.push(node.id);
      else members.set(key.id, [node.id]);
    }
    const out: KindFold = { saved: 0, repOf: new Map() };
    for (const [groupId, ids] of members) {
      if (ids.length < 2) continue;
      out.saved += ids.length - 1;
      for (const id of ids) out.repOf.set(id, groupId);
    }
    memo.set(memoKey, out);
    return out;
  };
  const counts: number[] = [];
  for (let i = 1; i <= aggregationStages.length; i++) {
    const folded = aggregationStages.slice(0, i);
    let count = parts.nodes.length;
    for (const kind of folded) {
      const parent = parentKind[kind];
      count -= fold(kind, parent !== undefined && folded.includes(parent)).saved;
    }
    counts.push(count);
    if (stop(count)) break;
  }
  return counts;
}
