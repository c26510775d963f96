import type { ConfigDump } from '@meshlens/configdump';
import { addClusters } from './addClusters';
import { addListeners } from './addListeners';
import { addRouteConfigs } from './addRouteConfigs';
import { createBuildContext, ghostFor } from './buildContext';
import { graphDirections, type DirectionSet } from './graphDirections';
import type { GraphEdge, GraphNode } from './graphTypes';
import { nodeIdFor } from './nodeId';

/** Every node and edge of a dump, before any view filter, plus who reaches what. */
export interface FullGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  directions: Map<string, DirectionSet>;
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
 * cluster -> endpoint, with ghosts for names used but not defined and terminal pseudo nodes
 * for redirects, direct responses and header-chosen clusters.
 */
export function buildFullGraph(dump: ConfigDump): FullGraph {
  const ctx = createBuildContext(dump);
  addListeners(ctx);
  addRouteConfigs(ctx);
  addClusters(ctx);
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
  const nodes = [...ctx.acc.nodes.values()];
  const edges = [...ctx.acc.edges.values()].filter(
    (e) => ctx.acc.has(e.source) && ctx.acc.has(e.target),
  );
  return { nodes, edges, directions: graphDirections(dump, nodes, edges) };
}
