import type { TrafficMap } from './trafficMap';

/** Decides whether a workload is an ambient waypoint proxy. */
export type WaypointPredicate = (cluster: string, namespace: string, workload: string) => boolean;

/**
 * Without Kubernetes we cannot read the `gateway.istio.io/managed` label Kiali uses, so a workload
 * named `waypoint` (istioctl's default) or ending in `-waypoint` is taken as a waypoint.
 */
export const waypointByName: WaypointPredicate = (_cluster, _namespace, workload) =>
  workload === 'waypoint' || workload.endsWith('-waypoint');

/**
 * Kiali's ambient finalizer. With `keepWaypoints`, waypoint nodes are flagged, edges out of them are
 * marked `from`, and an edge into a waypoint absorbs the waypoint's return edge to the same source
 * (`to` + `fromEdge`), so request and response legs draw as one bidirectional edge. Without it,
 * waypoints and the edges into them are removed.
 */
export function markWaypoints(
  map: TrafficMap,
  isWaypoint: WaypointPredicate,
  keepWaypoints: boolean,
): void {
  const waypoints = new Set<string>();
  for (const node of map.values()) {
    if (
      (node.nodeType === 'workload' || node.nodeType === 'app') &&
      isWaypoint(node.cluster, node.namespace, node.workload)
    ) {
      waypoints.add(node.id);
    }
  }
  if (waypoints.size === 0) return;
  if (!keepWaypoints) {
    for (const id of waypoints) map.delete(id);
    for (const node of map.values())
      node.edges = node.edges.filter((e) => !waypoints.has(e.dest.id));
    return;
  }
  for (const id of waypoints) {
    const node = map.get(id);
    if (!node) continue;
    node.flags.isWaypoint = true;
    // The waypoint's canonical service is the waypoint itself: Kiali shows no app for it.
    node.app = '';
    for (const e of node.edges) e.waypoint = { direction: 'from' };
  }
  for (const node of map.values()) {
    if (waypoints.has(node.id)) continue;
    for (const e of node.edges) {
      if (!waypoints.has(e.dest.id)) continue;
      const waypoint = e.dest;
      const back = waypoint.edges.findIndex(
        (r) => r.dest.id === node.id && r.protocol === e.protocol,
      );
      if (back >= 0) {
        const [fromEdge] = waypoint.edges.splice(back, 1);
        e.waypoint = fromEdge ? { direction: 'to', fromEdge } : { direction: 'to' };
      } else {
        e.waypoint = { direction: 'to' };
      }
    }
  }
}
