import type { TrafficEdge, TrafficMap } from './trafficMap';
import { addOutgoingEdgeRates, aggregateEdgeTraffic, resetOutgoingRates } from './trafficValues';

/**
 * Kiali's `ReduceToServiceGraph`: keeps service nodes (their edges to workloads replaced by those
 * workloads' edges to services, merged per destination and protocol) and non-service roots (with
 * only their edges to services; dropped when none remain). Outbound totals are recomputed.
 */
export function reduceToServiceGraph(map: TrafficMap): TrafficMap {
  const reduced: TrafficMap = new Map();
  for (const [id, node] of map) {
    if (node.nodeType !== 'service') {
      if (!node.flags.isRoot) continue;
      const serviceEdges = node.edges.filter((e) => e.dest.nodeType === 'service');
      if (serviceEdges.length === 0) continue;
      resetOutgoingRates(node);
      for (const e of serviceEdges) addOutgoingEdgeRates(node, e);
      node.edges = serviceEdges;
      reduced.set(id, node);
      continue;
    }
    reduced.set(id, node);
    const newEdges = new Map<string, TrafficEdge>();
    for (const e of node.edges) {
      if (e.dest.nodeType === 'service') {
        newEdges.set(`${e.dest.id} ${e.protocol}`, e);
        continue;
      }
      for (const destEdge of e.dest.edges) {
        if (destEdge.dest.nodeType !== 'service') continue;
        const key = `${destEdge.dest.id} ${destEdge.protocol}`;
        const existing = newEdges.get(key);
        if (existing) {
          aggregateEdgeTraffic(destEdge, existing);
        } else {
          const copy: TrafficEdge = {
            ...destEdge,
            source: node,
            rates: new Map(),
            responses: new Map(),
            seriesSeen: new Set(),
          };
          aggregateEdgeTraffic(destEdge, copy);
          newEdges.set(key, copy);
        }
      }
    }
    node.edges = [...newEdges.values()];
    resetOutgoingRates(node);
    for (const e of node.edges) addOutgoingEdgeRates(node, e);
  }
  return reduced;
}
