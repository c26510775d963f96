import type { ConfigDump } from '@meshlens/configdump';
import type { GraphParts, NodeShape } from './graphParts';
import {
  groupColumnOrder as columnOrder,
  groupKeyOf,
  type GroupableKind,
  type GroupKey,
} from './groupKeys';
import type { GraphEdge, GraphGroup, GraphNode } from './graphTypes';

/** The aggregated graph and every group found (collapsed or expanded). */
export interface Aggregated<N extends NodeShape = GraphNode> extends GraphParts<N | GraphNode> {
  groups: GraphGroup[];
}

/** Which node stands for which: the outcome of grouping, before edges are redirected. */
interface Grouping {
  groups: GraphGroup[];
  groupNodes: GraphNode[];
  /** Folded node id -> the id of the group node that stands for it. */
  repOf: Map<string, string>;
  /** Member id -> its expanded group's id. */
  openMember: Map<string, string>;
}

function groupNodesOf(
  dump: ConfigDump,
  parts: GraphParts<NodeShape>,
  folded: readonly GroupableKind[],
  expanded: ReadonlySet<string>,
  keep: string | undefined,
): Grouping {
  const repOf = new Map<string, string>();
  const rep = (id: string): string => repOf.get(id) ?? id;
  const out: Grouping = { groups: [], groupNodes: [], repOf, openMember: new Map() };
  // One pass to split the nodes by kind, instead of one pass over every node per folded kind.
  const byKind = new Map<string, NodeShape[]>();
  for (const node of parts.nodes) {
    if (node.id === keep || !folded.includes(node.kind as GroupableKind)) continue;
    const list = byKind.get(node.kind);
    if (list) list.push(node);
    else byKind.set(node.kind, [node]);
  }
  for (const kind of columnOrder) {
    const nodes = byKind.get(kind);
    if (!nodes) continue;
    const byKey = new Map<string, { key: GroupKey; members: NodeShape[] }>();
    for (const node of nodes) {
      const key = groupKeyOf(dump, node, rep);
      if (!key) continue;
      const entry = byKey.get(key.id);
      if (entry) entry.members.push(node);
      else byKey.set(key.id, { key, members: [node] });
    }
    for (const { key, members } of byKey.values()) {
      if (members.length < 2) continue;
      const first = members[0] as NodeShape;
      const isOpen = expanded.has(key.id);
      out.groups.push({
        id: key.id,
        label: `${members.length} ${key.noun}`,
        memberKind: kind,
        members: members.map((m) => m.id),
        collapsed: !isOpen,
      });
      if (isOpen) {
        for (const m of members) out.openMember.set(m.id, key.id);
        continue;
      }
      for (const m of members) repOf.set(m.id, key.id);
      let direction = first.direction;
      for (const m of members) if (m.direction !== direction) direction = 'other';
      out.groupNodes.push({
        id: key.id,
        kind: 'group',
        label: `${members.length} ${key.noun}`,
        sublabel: key.sublabel,
        column: first.column,
        direction,
        memberCount: members.length,
        memberKind: kind,
      });
    }
  }
  return out;
}

/**
 * Folds the nodes of the `folded` kinds into group nodes (`12 endpoints`), except the members of
 * groups listed in `expanded` and the node `keep`. Groups of one are not made. Edges are
 * redirected to the groups and merged; a merged edge keeps a weight only if all agree.
 * The plain statement of the fold, kept as the reference `foldGraph` (which `buildProxyGraph`
 * uses: positions instead of ids) is tested against in buildProxyGraph.equivalence.test.ts.
 */
export function aggregateGraph<N extends NodeShape>(
  dump: ConfigDump,
  parts: GraphParts<N>,
  folded: readonly GroupableKind[],
  expanded: ReadonlySet<string>,
  keep: string | undefined,
): Aggregated<N> {
  const { groups, groupNodes, repOf, openMember } = groupNodesOf(
    dump,
    parts,
    folded,
    expanded,
    keep,
  );
  // Copies, not mutations: the full graph is cached per dump and shared between view states.
  const kept: N[] = [];
  for (const n of parts.nodes) {
    if (repOf.has(n.id)) continue;
    const groupOf = openMember.get(n.id);
    kept.push(groupOf ? { ...n, groupOf } : n);
  }
  if (groupNodes.length === 0) return { nodes: kept, edges: parts.edges, groups };
  const nodes: (N | GraphNode)[] = [...kept, ...groupNodes];
  // Edges between two unfolded nodes are unique already and pass through unchanged (they are
  // never mutated below); only redirected edges can collide and need merging by id.
  const edges: GraphEdge[] = [];
  const merged = new Map<string, GraphEdge>();
  for (const e of parts.edges) {
    const rs = repOf.get(e.source);
    const rt = repOf.get(e.target);
    if (rs === undefined && rt === undefined) {
      edges.push(e);
      continue;
    }
    const source = rs ?? e.source;
    const target = rt ?? e.target;
    if (source === target) continue;
    const id = `${source}->${target}`;
    const existing = merged.get(id);
    if (!existing) {
      const edge: GraphEdge = { ...e, id, source, target };
      merged.set(id, edge);
      edges.push(edge);
    } else if (existing.weight !== e.weight) {
      delete existing.weight;
      delete existing.label;
    }
  }
  return { nodes, edges, groups };
}
