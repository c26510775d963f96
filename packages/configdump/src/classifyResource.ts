import { has, isObject, obj, shortTypeName, typeUrl } from './fields';
import type { JsonObject } from './model';

/** What a bare resource in a resource list is. */
export type ResourceKind =
  | 'listener'
  | 'route_config'
  | 'cluster'
  | 'endpoints'
  | 'secret'
  | 'extension_config'
  | 'scoped_route';

const BY_TYPE: Record<string, ResourceKind> = {
  Listener: 'listener',
  RouteConfiguration: 'route_config',
  Cluster: 'cluster',
  ClusterLoadAssignment: 'endpoints',
  Secret: 'secret',
  TypedExtensionConfig: 'extension_config',
  ScopedRouteConfiguration: 'scoped_route',
};

const LISTENER_KEYS = [
  'filter_chains',
  'listener_filters',
  'default_filter_chain',
  'api_listener',
  'address',
];
const CLUSTER_KEYS = [
  'type',
  'cluster_type',
  'eds_cluster_config',
  'connect_timeout',
  'load_assignment',
  'lb_policy',
  'hosts',
];
const SECRET_KEYS = [
  'tls_certificate',
  'validation_context',
  'session_ticket_keys',
  'generic_secret',
];

/** Classifies a resource by its `@type`, else by the fields only that resource type has. */
export function classifyResource(r: JsonObject): ResourceKind | undefined {
  const t = shortTypeName(typeUrl(r));
  if (t !== undefined) return BY_TYPE[t];
  if (has(r, 'virtual_hosts') || has(r, 'vhds')) return 'route_config';
  if (has(r, 'cluster_name') && has(r, 'endpoints')) return 'endpoints';
  if (LISTENER_KEYS.some((k) => has(r, k))) return 'listener';
  if (CLUSTER_KEYS.some((k) => has(r, k))) return 'cluster';
  if (SECRET_KEYS.some((k) => has(r, k))) return 'secret';
  if (has(r, 'route_configuration_name')) return 'scoped_route';
  if (has(r, 'name') && has(r, 'typed_config')) return 'extension_config';
  return undefined;
}

/** Keys of dump entries that wrap a resource, and the kind of resource inside. */
const ENTRY_WRAPPERS: [string, ResourceKind][] = [
  ['cluster', 'cluster'],
  ['listener', 'listener'],
  ['route_config', 'route_config'],
  ['endpoint_config', 'endpoints'],
  ['secret', 'secret'],
  ['ecds_filter', 'extension_config'],
];

/**
 * A dump entry (`{ "cluster": {...}, "last_updated": ... }`, or a v3 dynamic listener with
 * `active_state`) -> the resource inside, its kind and the entry carrying the metadata.
 */
export function unwrapEntry(
  e: JsonObject,
): { resource: JsonObject; kind: ResourceKind; entry: JsonObject } | undefined {
  if (typeUrl(e) !== undefined) return undefined;
  for (const [key, kind] of ENTRY_WRAPPERS) {
    const r = obj(e, key);
    if (r && isObject(r)) return { resource: r, kind, entry: e };
  }
  for (const key of ['active_state', 'warming_state', 'draining_state']) {
    const st = obj(e, key);
    const l = st && obj(st, 'listener');
    if (st && l) return { resource: l, kind: 'listener', entry: st };
  }
  return undefined;
}
