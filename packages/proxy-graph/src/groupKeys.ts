import type { ConfigDump } from '@meshlens/configdump';
import type { NodeShape } from './graphParts';
import { listenersByKey } from './listenerKey';

/** The kinds that can be folded into group nodes, in the order aggregation folds them. */
export type GroupableKind =
  'endpoint' | 'route' | 'virtual_host' | 'cluster' | 'filter_chain' | 'listener';

/** Aggregation folds the most numerous, least interesting levels first. */
export const aggregationStages: GroupableKind[] = [
  'endpoint',
  'route',
  'virtual_host',
  'cluster',
  'filter_chain',
  'listener',
];

/** The groupable kinds parents first, so a child's group can name its parent's group. */
export const groupColumnOrder: GroupableKind[] = [
  'listener',
  'filter_chain',
  'virtual_host',
  'route',
  'cluster',
  'endpoint',
];

/**
 * The only parent a kind's group key looks at: endpoints group under their cluster's group,
 * routes under their virtual host's, filter chains under their listener's.
 */
export const groupParentKind: Partial<Record<GroupableKind, GroupableKind>> = {
  endpoint: 'cluster',
  route: 'virtual_host',
  filter_chain: 'listener',
};

/** A group a node falls into: the group id and how to name the group. */
export interface GroupKey {
  id: string;
  /** Plural noun of the members: `12 endpoints`. */
  noun: string;
  /** What the members share, shown under the count. */
  sublabel: string;
}

function portBucket(port: number | undefined): string {
  if (port === undefined) return 'no port';
  if (port < 1024) return 'ports 0-1023';
  const low = Math.floor(port / 1000) * 1000;
  return `ports ${low}-${low + 999}`;
}

/** `reviews.default.svc.cluster.local` -> namespace `default`; `api.example.com` -> `*.example.com`. */
function clusterBucket(dump: ConfigDump, name: string): string {
  const host = dump.index.clusterByName.get(name)?.istioName?.host;
  if (!host) return 'other clusters';
  const parts = host.split('.');
  if (host.endsWith('.svc.cluster.local') && parts.length >= 3) return `namespace ${parts[1]}`;
  if (parts.length >= 3) return `*.${parts.slice(1).join('.')}`;
  return host;
}

/** `group:clusters:namespace default` -> `namespace default`; undefined for a plain node id. */
function groupName(id: string): string | undefined {
  return id.startsWith('group:') ? id.replace(/^group:[a-z_]+:/, '') : undefined;
}

/** The id of the parent object whose representative names a node's group, if its kind has one. */
export function parentIdOf(node: NodeShape): string | undefined {
  const ref = node.ref;
  switch (ref?.kind) {
    case 'endpoint':
      return `cluster:${ref.cluster}`;
    case 'route':
      return `vh:${ref.routeConfig}/${ref.virtualHost}`;
    case 'filter_chain':
      return `listener:${ref.listener}`;
    default:
      return undefined;
  }
}

interface CachedKey {
  parentId: string | undefined;
  parentRep: string | undefined;
  key: GroupKey | undefined;
}

// Full-graph nodes are cached per dump and grouped again on every view change (and once per
// candidate stage): a node's key only changes when its parent's representative does.
const keyCache = new WeakMap<NodeShape, CachedKey>();

/**
 * The group a node belongs to when its kind is folded. `rep` maps a parent object's node id to
 * what stands for it on the graph (its own id, or the group it was folded into), so the
 * routes of a folded virtual host group fold together instead of staying one group per host.
 */
export function groupKeyOf(
  dump: ConfigDump,
  node: NodeShape,
  rep: (id: string) => string,
): GroupKey | undefined {
  const hit = keyCache.get(node);
  if (hit) {
    if (hit.parentId === undefined) return hit.key;
    const parentRep = rep(hit.parentId);
    if (parentRep !== hit.parentRep) {
      hit.parentRep = parentRep;
      hit.key = computeGroupKey(dump, node, parentRep);
    }
    return hit.key;
  }
  const parentId = parentIdOf(node);
  const parentRep = parentId === undefined ? undefined : rep(parentId);
  const key = computeGroupKey(dump, node, parentRep);
  keyCache.set(node, { parentId, parentRep, key });
  return key;
}

/** The group key of a node whose parent is represented by `parentRep` (see `groupKeyOf`). */
export function computeGroupKey(
  dump: ConfigDump,
  node: NodeShape,
  parentRep: string | undefined,
): GroupKey | undefined {
  const ref = node.ref;
  if (!ref) return undefined;
  switch (ref.kind) {
    case 'endpoint': {
      const parent = parentRep ?? `cluster:${ref.cluster}`;
      return {
        id: `group:endpoints:${parent}`,
        noun: 'endpoints',
        sublabel: groupName(parent) ?? ref.cluster,
      };
    }
    case 'route': {
      const parent = parentRep ?? `vh:${ref.routeConfig}/${ref.virtualHost}`;
      return {
        id: `group:routes:${parent}`,
        noun: 'routes',
        sublabel: parent.startsWith('group:') ? ref.routeConfig : ref.virtualHost,
      };
    }
    case 'virtual_host':
      return {
        id: `group:vhs:rc:${ref.routeConfig}`,
        noun: 'virtual hosts',
        sublabel: ref.routeConfig,
      };
    case 'cluster': {
      const bucket = clusterBucket(dump, ref.name);
      return { id: `group:clusters:${bucket}`, noun: 'clusters', sublabel: bucket };
    }
    case 'filter_chain': {
      const parent = parentRep ?? `listener:${ref.listener}`;
      return {
        id: `group:chains:${parent}`,
        noun: 'filter chains',
        sublabel: groupName(parent) ?? ref.listener,
      };
    }
    case 'listener': {
      const address = listenersByKey(dump).get(ref.name)?.address;
      const bucket = portBucket(address?.kind === 'socket' ? address.port : undefined);
      return { id: `group:listeners:${bucket}`, noun: 'listeners', sublabel: bucket };
    }
    default:
      return undefined;
  }
}
