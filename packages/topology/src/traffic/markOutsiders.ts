import { UNKNOWN, type TrafficMap, type TrafficNode } from './trafficMap';

/** Which (cluster, namespace) pairs the user may see; undefined = every namespace. */
export type AccessibleNamespaces = ReadonlySet<string> | undefined;

/** Key of an accessible namespace: `cluster:namespace`. */
export function accessKey(cluster: string, namespace: string): string {
  return `${cluster}:${namespace}`;
}

function isInaccessible(node: TrafficNode, accessible: AccessibleNamespaces): boolean {
  return accessible !== undefined && !accessible.has(accessKey(node.cluster, node.namespace));
}

/**
 * Kiali's outsider finalizer: `isInaccessible` for unknown nodes, unknown-namespace and egress-cluster
 * services and nodes of namespaces the user cannot see; `isOutside` for nodes of known namespaces
 * that were not requested.
 */
export function markOutsiders(
  map: TrafficMap,
  requestedNamespaces: readonly string[],
  accessible: AccessibleNamespaces,
): void {
  const requested = new Set(requestedNamespaces);
  for (const node of map.values()) {
    const outside = node.namespace !== UNKNOWN && !requested.has(node.namespace);
    if (node.nodeType === 'unknown') {
      node.flags.isInaccessible = true;
    } else if (node.nodeType === 'service' && node.namespace === UNKNOWN) {
      node.flags.isInaccessible = true;
    } else if (node.nodeType === 'service' && node.flags.isEgressCluster) {
      node.flags.isInaccessible = true;
    } else {
      if (outside) node.flags.isOutside = true;
      if (isInaccessible(node, accessible)) node.flags.isInaccessible = true;
    }
  }
}

/** Kiali's trafficGenerator finalizer: `isRoot` for nodes with outgoing edges and no incoming edge. */
export function markRoots(map: TrafficMap): void {
  const destinations = new Set<string>();
  for (const node of map.values()) for (const e of node.edges) destinations.add(e.dest.id);
  for (const node of map.values()) {
    if (node.edges.length > 0 && !destinations.has(node.id)) node.flags.isRoot = true;
  }
}
