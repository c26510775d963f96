import type { GraphNodeRef } from './nodeId';

/** The kind of a graph node; one column (level) per model object kind, plus groups and ghosts. */
export type GraphNodeKind =
  | 'listener'
  | 'filter_chain'
  | 'route_config'
  | 'virtual_host'
  | 'route'
  | 'cluster'
  | 'endpoint'
  /** An SDS secret, linked from the filter chains and clusters whose TLS contexts name it. */
  | 'secret'
  /** An aggregate standing for several nodes of one kind (`memberCount` of them). */
  | 'group'
  /** A name that is referenced but not defined in the dump (a dangling reference). */
  | 'ghost'
  /** A terminal pseudo node: redirect, direct response, cluster header, non-forwarding. */
  | 'terminal';

/** The levels a user can hide; hiding one reconnects its neighbours. */
export type HideableLevel =
  'filter_chain' | 'route_config' | 'virtual_host' | 'route' | 'endpoint' | 'secret';

/** Traffic direction of a node, inherited from the listener(s) that reach it. */
export type GraphDirection = 'inbound' | 'outbound' | 'other';

/** A neutral graph node (no Cytoscape types here). */
export interface GraphNode {
  /** Stable id, see `nodeIdFor`; group ids start with `group:`, ghosts with `ghost:`, terminals with `term:`. */
  id: string;
  kind: GraphNodeKind;
  label: string;
  sublabel?: string;
  /** Left-to-right column: 0 listeners ... 6 endpoints, 7 secrets. */
  column: number;
  direction: GraphDirection;
  /** The model object behind the node (absent for groups, ghosts and terminals). */
  ref?: GraphNodeRef;
  /** Lifecycle state of the underlying resource (or endpoint health for endpoints). */
  state?: string;
  /** True for dangling references. */
  ghost?: boolean;
  /** For groups: how many nodes the group stands for. */
  memberCount?: number;
  /** For groups: the kind of node the group holds. */
  memberKind?: GraphNodeKind;
  /** For ghosts: what kind of object the missing name should have named. */
  expected?: string;
  /** For members of an expanded group: the group id (to offer "collapse"). */
  groupOf?: string;
  /** For ghosts: the dump has no section of that kind at all, so the name may well exist. */
  missingSection?: boolean;
}

/** A neutral graph edge. */
export interface GraphEdge {
  /** `<source>-><target>`; unique per pair (parallel edges are merged). */
  id: string;
  source: string;
  target: string;
  /** Text on the edge, e.g. `30%` for weighted clusters. */
  label?: string;
  kind:
    | 'contains'
    | 'rds'
    | 'route'
    | 'weighted'
    | 'tcp'
    | 'mirror'
    | 'header'
    | 'terminal'
    | 'endpoint'
    | 'aggregate'
    | 'sds'
    | 'reconnected';
  /** Percent of the total weight, for weighted edges. */
  weight?: number;
}

/** A group node's contents, so the view can tell what expanding it would draw. */
export interface GraphGroup {
  id: string;
  label: string;
  memberKind: GraphNodeKind;
  /** Ids of the nodes the group stands for. */
  members: string[];
  /** False when the user expanded the group (its members are drawn instead). */
  collapsed: boolean;
}

/** The graph drawn for one dump and one view state. */
export interface ProxyGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  groups: GraphGroup[];
  /** True when the graph was aggregated because the dump is big. */
  aggregated: boolean;
  /** Node count before aggregation and filters were applied. */
  fullNodeCount: number;
}

/** Options of `buildProxyGraph`; all default to "show everything". */
export interface ProxyGraphOptions {
  direction?: 'all' | 'inbound' | 'outbound';
  hiddenLevels?: HideableLevel[];
  /** Group ids the user expanded. */
  expanded?: string[];
  /** Node id: keep only paths through it. */
  focus?: string;
  /** Aggregate when the full graph would have more nodes than this (default 400). */
  aggregateThreshold?: number;
}

/** Column of each node kind, left to right. */
export const columnOf: Record<Exclude<GraphNodeKind, 'group' | 'ghost' | 'terminal'>, number> = {
  listener: 0,
  filter_chain: 1,
  route_config: 2,
  virtual_host: 3,
  route: 4,
  cluster: 5,
  endpoint: 6,
  secret: 7,
};
