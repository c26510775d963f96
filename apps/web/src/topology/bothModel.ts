// "Config vs traffic": the traffic graph with the configuration laid over it. Config edges that
// carry no traffic are added dashed; traffic no config edge explains is flagged with the reason.
import {
  compareConfigTraffic,
  type ConfigGraph,
  type KialiGraphResponse,
} from '@meshlens/topology';
import { addBoxes, configModel, trafficModel, type TopoModel, type TopoNode } from './topoModel';

/** Merges the config graph (`reaches` edges) into the workload traffic graph. */
export function bothModel(
  config: ConfigGraph,
  traffic: KialiGraphResponse,
  cluster: string,
): TopoModel {
  const comparison = compareConfigTraffic(config, traffic);
  const t = trafficModel(traffic);
  const c = configModel(config, cluster);
  const configNodes = new Map(c.nodes.map((n) => [n.id, n]));
  const configEdges = new Map(config.edges.map((e) => [e.id, e]));
  const nodes = new Map(t.nodes.map((n) => [n.id, n]));
  const added: TopoNode[] = [];
  const ensure = (id: string): void => {
    if (nodes.has(id)) return;
    const n = configNodes.get(id);
    if (!n) return;
    const { parent: _p, ...rest } = n;
    nodes.set(id, rest);
    added.push(rest);
  };

  const byKialiId = new Map(t.edges.map((e) => [e.trafficEdge, e]));
  for (const m of comparison.matched) {
    for (const k of m.trafficEdges) {
      const e = byKialiId.get(k);
      if (e) e.configEdges = [...(e.configEdges ?? []), m.configEdge];
    }
  }
  for (const u of comparison.trafficOnly) {
    const e = byKialiId.get(u.trafficEdge);
    if (e) e.flagged = u.reason;
  }
  const dashed = comparison.configOnly.flatMap((id) => {
    const e = configEdges.get(id);
    if (!e) return [];
    ensure(e.source);
    ensure(e.target);
    if (!nodes.has(e.source) || !nodes.has(e.target)) return [];
    return [
      {
        id: `c:${e.id}`,
        source: e.source,
        target: e.target,
        kind: e.kind,
        dashed: true,
        configEdges: [e.id],
        health: 'idle' as const,
      },
    ];
  });
  // Nodes only the config knows get the same namespace boxes as the traffic nodes.
  const boxed = addBoxes(added).filter((n) => n.kind !== 'box' || !nodes.has(n.id));
  return { nodes: [...t.nodes, ...boxed], edges: [...t.edges, ...dashed] };
}
