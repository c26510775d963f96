import type { ConfigDump } from '@meshlens/configdump';
import { listenerDirection } from './listenerDirection';
import { listenersByKey } from './listenerKey';
import type { GraphEdge, GraphNode } from './graphTypes';

/** Directions whose traffic can reach a node. */
export type DirectionSet = Set<'inbound' | 'outbound'>;

function fromName(name: string): 'inbound' | 'outbound' | undefined {
  if (name.startsWith('inbound')) return 'inbound';
  if (name.startsWith('outbound')) return 'outbound';
  return undefined;
}

/**
 * Which listener directions reach each node: a cluster used by both an inbound and an outbound
 * route is in both. Nodes no listener reaches (a routes-only or clusters-only dump) fall back
 * to Istio's naming (`inbound|9080||...`, `outbound|...`), and pass it on to what they point to.
 * Sets `direction` on the nodes (`other` = both or unknown) and returns the sets for filtering.
 */
export function graphDirections(
  dump: ConfigDump,
  nodes: GraphNode[],
  edges: GraphEdge[],
): Map<string, DirectionSet> {
  const out = new Map<string, DirectionSet>();
  const children = new Map<string, string[]>();
  for (const e of edges) {
    const list = children.get(e.source);
    if (list) list.push(e.target);
    else children.set(e.source, [e.target]);
  }
  const spread = (start: string, dir: 'inbound' | 'outbound'): void => {
    const stack = [start];
    while (stack.length > 0) {
      const id = stack.pop() as string;
      let set = out.get(id);
      if (!set) out.set(id, (set = new Set()));
      if (set.has(dir)) continue;
      set.add(dir);
      for (const child of children.get(id) ?? []) stack.push(child);
    }
  };
  const proxyType = dump.node?.proxyType;
  for (const [key, listener] of listenersByKey(dump)) {
    const dir = listenerDirection(listener, proxyType);
    if (dir !== 'other') spread(`listener:${key}`, dir);
  }
  for (const node of nodes) {
    if (out.has(node.id) || node.ref === undefined) continue;
    const ref = node.ref;
    let dir: 'inbound' | 'outbound' | undefined;
    if (ref.kind === 'cluster') {
      const istio = dump.index.clusterByName.get(ref.name)?.istioName;
      dir = fromName(istio?.direction ?? ref.name);
    } else if (ref.kind === 'route_config') {
      dir = fromName(ref.name);
    }
    if (dir) spread(node.id, dir);
  }
  for (const node of nodes) {
    const set = out.get(node.id);
    node.direction = set?.size === 1 ? ([...set][0] ?? 'other') : 'other';
  }
  return out;
}
