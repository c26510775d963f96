import type { TrafficMap } from './trafficMap';
import { addOutgoingEdgeRates } from './trafficValues';

/**
 * Merges one namespace's map into the graph (`MergeTrafficMaps`). A node present in both keeps the
 * copy that belongs to the namespace being merged (it saw that node's own telemetry); edges the
 * kept copy lacks (per destination and protocol) are added with their traffic.
 */
export function mergeTrafficMaps(into: TrafficMap, namespace: string, nsMap: TrafficMap): void {
  for (const [id, nsNode] of nsMap) {
    const existing = into.get(id);
    if (!existing) {
      into.set(id, nsNode);
      continue;
    }
    let keep = existing;
    let other = nsNode;
    if (nsNode.namespace === namespace) {
      into.set(id, nsNode);
      keep = nsNode;
      other = existing;
    }
    for (const edge of other.edges) {
      const dup = keep.edges.some(
        (e) => e.dest.id === edge.dest.id && e.protocol === edge.protocol,
      );
      if (!dup) {
        edge.source = keep;
        keep.edges.push(edge);
        addOutgoingEdgeRates(keep, edge);
      }
    }
  }
  // Edges keep pointing at node objects of the map they were built in; re-point them at the
  // surviving copies so later passes (roots, service reduction) see one node per id.
  for (const node of into.values()) {
    for (const e of node.edges) e.dest = into.get(e.dest.id) ?? e.dest;
  }
}
