import type { ObjectChange } from '@meshlens/diff';
import { nodeIdFor } from '@meshlens/proxy-graph';

/**
 * The graph node id of a changed object on one side (`left` for removed objects, `right` for
 * the others), or undefined for kinds the proxy graph does not draw (secrets, extension configs).
 * Routes are keyed by name or match in the diff but by position in the graph: the position on
 * that side picks the node.
 */
export function changeNodeId(change: ObjectChange, side: 'left' | 'right'): string | undefined {
  const ref = change.ref;
  switch (ref.kind) {
    case 'listener':
    case 'route_config':
    case 'cluster':
      return nodeIdFor({ kind: ref.kind, name: ref.name });
    case 'virtual_host':
      return nodeIdFor({
        kind: 'virtual_host',
        routeConfig: ref.routeConfig,
        name: ref.virtualHost,
      });
    case 'route': {
      const index = side === 'left' ? change.position?.before : change.position?.after;
      if (index === undefined) return undefined;
      return nodeIdFor({
        kind: 'route',
        routeConfig: ref.routeConfig,
        virtualHost: ref.virtualHost,
        index,
      });
    }
    case 'endpoint':
      return nodeIdFor({ kind: 'endpoint', cluster: ref.cluster, address: ref.address });
    case 'secret':
    case 'extension_config':
      return undefined;
  }
}

/** The side whose graph draws a change: only the left dump has a removed object. */
export function sideOf(change: ObjectChange): 'left' | 'right' {
  return change.status === 'removed' ? 'left' : 'right';
}

/** A change's stable key in the URL and the list: `<kind>:<display id>`. */
export function changeKey(change: ObjectChange): string {
  return `${change.kind}:${change.id}`;
}

/**
 * What the list shows as the status: `moved` for a change whose only difference is an element's
 * position (a route displaced within its virtual host: Envoy takes the first match).
 */
export function displayStatus(change: ObjectChange): 'added' | 'removed' | 'changed' | 'moved' {
  if (change.status !== 'changed') return change.status;
  const moved =
    change.position?.before !== undefined &&
    change.position.after !== undefined &&
    change.position.before !== change.position.after;
  if (moved && change.fields.length === 0) return 'moved';
  if (change.fields.length > 0 && change.fields.every((f) => f.op === 'moved')) return 'moved';
  return 'changed';
}
