import { has, isObject, obj, shortTypeName, str, typeUrl } from './fields';
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

const LISTENER_KEYS = ['filter_chains', 'listener_filters', 'default_filter_chain', 'api_listener'];
/** Keys of an Envoy `core.Address`: an unnamed object with an `address` must really hold one. */
const ADDRESS_KEYS = ['socket_address', 'pipe', 'envoy_internal_address'];
const CLUSTER_KEYS = [
  'cluster_type',
  'eds_cluster_config',
  'connect_timeout',
  'load_assignment',
  'lb_policy',
  'hosts',
];
/**
 * Envoy's cluster discovery types. A bare `type` counts only with one of these values: plenty of
 * JSON that is not Envoy config has a `type` (a `package.json` has `"type": "module"`).
 */
const DISCOVERY_TYPES = new Set(['STATIC', 'STRICT_DNS', 'LOGICAL_DNS', 'EDS', 'ORIGINAL_DST']);

function isListener(r: JsonObject): boolean {
  if (LISTENER_KEYS.some((k) => has(r, k))) return true;
  const address = obj(r, 'address');
  return address !== undefined && (has(r, 'name') || ADDRESS_KEYS.some((k) => has(address, k)));
}

function isCluster(r: JsonObject): boolean {
  if (CLUSTER_KEYS.some((k) => has(r, k))) return true;
  const type = str(r, 'type');
  return has(r, 'name') && type !== undefined && DISCOVERY_TYPES.has(type);
}
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
  if (isListener(r)) return 'listener';
  if (isCluster(r)) return 'cluster';
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
