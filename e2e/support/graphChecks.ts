// Assertions that relate what the graph shows to the parsed model.
import type { ConfigDump, Listener } from '@meshlens/configdump';
import { expect } from 'vitest';
import { expectedClusterIds, expectedListenerIds, reachableFrom } from './model';

/** Node ids with the given prefix (`listener:`, `cluster:`...). */
export function idsWithPrefix(ids: string[], prefix: string): string[] {
  return ids.filter((id) => id.startsWith(prefix)).sort();
}

/**
 * The graph must draw one node per listener and per cluster of the model, no more, no less
 * (nameless listeners under their address, so two of them never collapse into one node).
 * Aggregated graphs (`group:` nodes) cannot be compared this way; the tests pick dumps small
 * enough to be drawn in full, and this check says so when one is not.
 */
export function expectListenersAndClusters(ids: string[], model: ConfigDump): void {
  expect(
    idsWithPrefix(ids, 'group:'),
    'this dump should be drawn without aggregation (no group: nodes)',
  ).toEqual([]);
  expect(idsWithPrefix(ids, 'listener:'), 'listener nodes vs the model').toEqual(
    expectedListenerIds(model),
  );
  expect(idsWithPrefix(ids, 'cluster:'), 'cluster nodes vs the model').toEqual(
    expectedClusterIds(model),
  );
}

/** Model node kinds the reachability check knows; other ids are ghosts, terminals... */
const modelPrefixes = [
  'listener:',
  'chain:',
  'rc:',
  'vh:',
  'route:',
  'cluster:',
  'secret:',
  'ecds:',
];

/**
 * After focusing `focusId`, every visible node must be the focused node or reachable from it in
 * the model. Endpoint nodes count as reachable when their cluster is; pseudo nodes (ghosts,
 * terminals) when a graph edge leads to them from a reachable visible node.
 */
export function expectOnlyChainOf(
  model: ConfigDump,
  focusId: string,
  visible: string[],
  edgeIds: string[],
): void {
  const reachable = reachableFrom(model, focusId);
  expect(visible, 'the focused node itself stays visible').toContain(focusId);
  const ok = new Set<string>();
  for (const id of visible) {
    if (reachable.has(id)) ok.add(id);
    else if (id.startsWith('ep:')) {
      const cluster = [...reachable].find(
        (r) => r.startsWith('cluster:') && id.startsWith(`ep:${r.slice('cluster:'.length)}/`),
      );
      if (cluster) ok.add(id);
    }
  }
  const edges = edgeIds.map((e) => e.split('->') as [string, string]);
  for (const id of visible) {
    if (ok.has(id) || modelPrefixes.some((p) => id.startsWith(p))) continue;
    if (edges.some(([from, to]) => to === id && ok.has(from))) ok.add(id);
  }
  const strays = visible.filter((id) => !ok.has(id));
  expect(strays, `nodes visible while focused on ${focusId} but not on its chain`).toEqual([]);
}

/** The outbound listener of a sidecar on `port` (e.g. Istio's `0.0.0.0_9080`). */
export function outboundListenerOnPort(model: ConfigDump, port: number): Listener {
  const hit = model.listeners.find(
    (l) =>
      l.address.kind === 'socket' &&
      l.address.port === port &&
      (l.trafficDirection === 'OUTBOUND' || l.trafficDirection === 'UNSPECIFIED'),
  );
  if (!hit) throw new Error(`the model has no outbound listener on port ${port}`);
  return hit;
}
