import type { ConfigDump } from '@meshlens/configdump';
import { addClusters } from './addClusters';
import { addListeners } from './addListeners';
import { addRouteConfigs } from './addRouteConfigs';
import { addSecrets } from './addSecrets';
import { createBuildContext, ghostFor } from './buildContext';
import { graphDirections, type Positions } from './graphDirections';
import type { NodeShape, NodeText } from './graphParts';
import type { GraphEdge, GraphNode } from './graphTypes';
import { nodeIdFor } from './nodeId';

/**
 * Every node and edge of a dump, before any view filter, plus who reaches what. Nodes are
 * shapes: their text is made by `draw` for the nodes a view keeps, so a big dump folded into
 * a few dozen groups never formats its 70k route matches and addresses.
 */
export interface GraphSkeleton extends Positions {
  nodes: NodeShape[];
  edges: GraphEdge[];
  /** Per node position: the directions whose listeners reach it (`directionBit`). */
  directions: Uint8Array;
  /** Per node position: `parentIdOf` of the node, as the builders knew it. */
  parentIds: readonly (string | undefined)[];
  /** The drawable node of a shape (or of a copy of one); the same object for the same shape. */
  draw: (node: NodeShape) => GraphNode;
}

const viaKind = {
  rds: 'rds',
  inline_route: 'rds',
  scoped_rds: 'rds',
  route_cluster: 'route',
  weighted_cluster: 'weighted',
  mirror_cluster: 'mirror',
  tcp_cluster: 'tcp',
  eds: 'endpoint',
  aggregate: 'aggregate',
} as const satisfies Partial<Record<string, GraphEdge['kind']>>;

/**
 * The complete proxy graph: listener -> filter chain -> route config -> virtual host -> route ->
 * cluster -> endpoint, SDS secrets beside the chains and clusters that use them, with ghosts for names used but not defined and terminal pseudo nodes
 * for redirects, direct responses and header-chosen clusters.
 */
export function buildGraphSkeleton(dump: ConfigDump): GraphSkeleton {
  const ctx = createBuildContext(dump);
  addListeners(ctx);
  addRouteConfigs(ctx);
  addClusters(ctx);
  addSecrets(ctx);
  // The parser's dangling list can know about uses this walk does not draw (e.g. an EDS name
  // with no endpoints); give each a ghost when the referring object is on the graph.
  for (const d of dump.index.dangling) {
    if (d.expected !== 'route_config' && d.expected !== 'cluster' && d.expected !== 'endpoints')
      continue;
    const from = nodeIdFor(d.from);
    if (!ctx.acc.has(from)) continue;
    const kind = d.via in viaKind ? viaKind[d.via as keyof typeof viaKind] : 'route';
    ctx.acc.addEdge(from, ghostFor(ctx, d.expected, d.name), kind);
  }
  const { nodes, position, texts, parentIds } = ctx.acc;
  const edges: GraphEdge[] = [];
  const sources: number[] = [];
  const targets: number[] = [];
  for (const e of ctx.acc.edges.values()) {
    const s = position.get(e.source);
    const t = position.get(e.target);
    if (s === undefined || t === undefined) continue;
    edges.push(e);
    sources.push(s);
    targets.push(t);
  }
  const positions = {
    position,
    edgeSource: Int32Array.from(sources),
    edgeTarget: Int32Array.from(targets),
  };
  const drawn = new WeakMap<NodeShape, GraphNode>();
  const draw = (node: NodeShape): GraphNode => {
    let out = drawn.get(node);
    if (!out) {
      const at = position.get(node.id);
      const text: NodeText = (at !== undefined ? texts[at]?.() : undefined) ?? { label: node.id };
      drawn.set(node, (out = { ...node, ...text }));
    }
    return out;
  };
  const directions = graphDirections(dump, nodes, positions);
  return { nodes, edges, ...positions, directions, parentIds, draw };
}
