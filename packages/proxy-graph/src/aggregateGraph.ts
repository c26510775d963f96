import type { ConfigDump } from '@meshlens/configdump';
import type { GraphParts } from './graphParts';
import { groupKeyOf, type GroupableKind, type GroupKey } from './groupKeys';
import type { GraphEdge, GraphGroup, GraphNode } from './graphTypes';

// Parents before children, so a child's group can name its parent's group.
const columnOrder: GroupableKind[] = [
  'listener',
  'filter_chain',
  'virtual_host',
  'route',
  'cluster',
  'endpoint',
];

/** The aggregated graph and every group found (collapsed or expanded). */
export interface Aggregated extends GraphParts {
  groups: GraphGroup[];
}

/**
 * Folds the nodes of the `folded` kinds into group nodes (`12 endpoints`), except the members of
 * groups listed in `expanded` and the node `keep`. Groups of one are not made. Edges are
 * redirected to the groups and merged; a merged edge keeps a weight only if all agree.
 */
export function aggregateGraph(
  dump: ConfigDump,
  parts: GraphParts,
  folded: GroupableKind[],
  expanded: ReadonlySet<string>,
  keep: string | undefined,
): Aggregated {
  const repOf = new Map<string, string>();
  const rep = (id: string): string => repOf.get(id) ?? id;
  const groups: GraphGroup[] = [];
  const groupNodes: GraphNode[] = [];
  const openMember = new Map<string, string>();
  for (const kind of columnOrder) {
    if (!folded.includes(kind)) continue;
    const byKey = new Map<string, { key: GroupKey; members: GraphNode[] }>();
    for (const node of parts.nodes) {
      if (node.kind !== kind || node.id === keep) continue;
      const key = groupKeyOf(dump, node, rep);
      if (!key) continue;
      const entry = byKey.get(key.id);
      if (entry) entry.members.push(node);
      else byKey.set(key.id, { key, members: [node] });
    }
    for (const { key, members } of byKey.values()) {
      if (members.length < 2) continue;
      const first = members[0] as GraphNode;
      const isOpen = expanded.has(key.id);
      groups.push({
        id: key.id,
        label: `${members.length} ${key.noun}`,
        memberKind: kind,
        members: members.map((m) => m.id),
        collapsed: !isOpen,
      });
      if (isOpen) {
        for (const m of members) openMember.set(m.id, key.id);
        continue;
      }
      for (const m of members) repOf.set(m.id, key.id);
      const dirs = new Set(members.map((m) => m.direction));
      groupNodes.push({
        id: key.id,
        kind: 'group',
        label: `${members.length} ${key.noun}`,
        sublabel: key.sublabel,
        column: first.column,
        direction: dirs.size === 1 ? first.direction : 'other',
        memberCount: members.length,
        memberKind: kind,
      });
    }
  }
  // Copies, not mutations: the full graph is cached per dump and shared between view states.
  const kept = parts.nodes
    .filter((n) => !repOf.has(n.id))
    .map((n) => {
      const groupOf = openMember.get(n.id);
      return groupOf ? { ...n, groupOf } : n;
    });
  if (groupNodes.length === 0) return { nodes: kept, edges: parts.edges, groups };
  const nodes = [...kept, ...groupNodes];
  const edges = new Map<string, GraphEdge>();
  for (const e of parts.edges) {
    const source = rep(e.source);
    const target = rep(e.target);
    if (source === target) continue;
    const id = `${source}->${target}`;
    const existing = edges.get(id);
    if (!existing) {
      const edge: GraphEdge = { ...e, id, source, target };
      edges.set(id, edge);
    } else if (existing.weight !== e.weight) {
      delete existing.weight;
      delete existing.label;
    }
  }
  return { nodes, edges: [...edges.values()], groups };
}
