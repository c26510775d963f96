import type { ConfigDump } from '@meshlens/configdump';
import { listenerDirection } from './listenerDirection';
import { listenersByKey } from './listenerKey';
import type { NodeShape } from './graphParts';

/** Directions whose traffic can reach a node, as bits (a Set per node cost ~0.2 s at 200 MB). */
export type DirectionBits = number;

/** The bit of each direction in `DirectionBits`. */
export const directionBit = { inbound: 1, outbound: 2 } as const;

function fromName(name: string): 'inbound' | 'outbound' | undefined {
  if (name.startsWith('inbound')) return 'inbound';
  if (name.startsWith('outbound')) return 'outbound';
  return undefined;
}

/** Node positions and edges as positions: the skeleton's numbering, shared with folding. */
export interface Positions {
  /** Node id -> position in the node list. */
  position: Map<string, number>;
  /** Per edge: position of its source and of its target. */
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
}

/**
 * Which listener directions reach each node: a cluster used by both an inbound and an outbound
 * route is in both. Nodes no listener reaches (a routes-only or clusters-only dump) fall back
 * to Istio's naming (`inbound|9080||...`, `outbound|...`), and pass it on to what they point to.
 * Sets `direction` on the nodes (`other` = both or unknown) and returns the bits by position.
 */
export function graphDirections(
  dump: ConfigDump,
  nodes: NodeShape[],
  { position, edgeSource, edgeTarget }: Positions,
): Uint8Array {
  const out = new Uint8Array(nodes.length);
  // Children as one flat array (CSR): a list per node cost more than the walk itself.
  const offset = new Int32Array(nodes.length + 1);
  for (const s of edgeSource) (offset[s + 1] as number)++;
  for (let i = 0; i < nodes.length; i++)
    offset[i + 1] = (offset[i + 1] as number) + (offset[i] as number);
  const fill = offset.slice(0, nodes.length);
  const children = new Int32Array(edgeSource.length);
  for (let e = 0; e < edgeSource.length; e++) {
    const s = edgeSource[e] as number;
    children[(fill[s] as number)++] = edgeTarget[e] as number;
  }
  const spread = (start: number, dir: 'inbound' | 'outbound'): void => {
    const bit = directionBit[dir];
    const stack = [start];
    while (stack.length > 0) {
      const i = stack.pop() as number;
      const bits = out[i] as number;
      if (bits & bit) continue;
      out[i] = bits | bit;
      const end = offset[i + 1] as number;
      for (let c = offset[i] as number; c < end; c++) stack.push(children[c] as number);
    }
  };
  const proxyType = dump.node?.proxyType;
  for (const [key, listener] of listenersByKey(dump)) {
    const dir = listenerDirection(listener, proxyType);
    const at = position.get(`listener:${key}`);
    if (dir !== 'other' && at !== undefined) spread(at, dir);
  }
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as NodeShape;
    if (out[i] !== 0 || node.ref === undefined) continue;
    const ref = node.ref;
    let dir: 'inbound' | 'outbound' | undefined;
    if (ref.kind === 'cluster') {
      const istio = dump.index.clusterByName.get(ref.name)?.istioName;
      dir = fromName(istio?.direction ?? ref.name);
    } else if (ref.kind === 'route_config') {
      dir = fromName(ref.name);
    }
    if (dir) spread(i, dir);
  }
  for (let i = 0; i < nodes.length; i++) {
    const bits = out[i];
    (nodes[i] as NodeShape).direction =
      bits === directionBit.inbound
        ? 'inbound'
        : bits === directionBit.outbound
          ? 'outbound'
          : 'other';
  }
  return out;
}
