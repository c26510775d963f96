import type { JsonValue } from '@meshlens/configdump';

/** The kinds of objects the semantic diff matches by identity. */
export type DiffKind =
  | 'listener'
  | 'route_config'
  | 'virtual_host'
  | 'route'
  | 'cluster'
  | 'endpoint'
  | 'secret'
  | 'extension_config';

/** Every kind, in report order (the order of the config graph, left to right). */
export const DIFF_KINDS: readonly DiffKind[] = [
  'listener',
  'route_config',
  'virtual_host',
  'route',
  'cluster',
  'endpoint',
  'secret',
  'extension_config',
];

/**
 * One changed field of an object. Paths use camelCase keys and `[i]` indexes, e.g.
 * `filterChains[0].filters[0].typedConfig.httpFilters[3]`; an index names the element's position
 * in the first dump (`removed`, `changed`, `moved`) or in the second (`added`).
 */
export interface FieldChange {
  path: string;
  /**
   * `changed`: a value differs; `added` / `removed`: only the second / first dump has it;
   * `moved`: the same element sits at another position of an ordered list (`before` and `after`
   * are then the two positions).
   */
  op: 'changed' | 'added' | 'removed' | 'moved';
  /** Value in the first dump (normalised: camelCase keys, volatile fields dropped). */
  before?: JsonValue;
  /** Value in the second dump (normalised). */
  after?: JsonValue;
}

/** Identity of a compared object, structured (the `id` string is its display form). */
export type DiffObjectRef =
  | { kind: 'listener' | 'route_config' | 'cluster' | 'secret' | 'extension_config'; name: string }
  | { kind: 'virtual_host'; routeConfig: string; virtualHost: string }
  | { kind: 'route'; routeConfig: string; virtualHost: string; route: string }
  | { kind: 'endpoint'; cluster: string; address: string };

/** One object that differs between the two dumps. */
export interface ObjectChange {
  kind: DiffKind;
  /** Display identity: `name`, `routeConfig/virtualHost`, `routeConfig/virtualHost/route`, `cluster address`. */
  id: string;
  ref: DiffObjectRef;
  status: 'added' | 'removed' | 'changed';
  /** For `changed`: the changed fields, in path order. Empty for `added` / `removed`. */
  fields: FieldChange[];
  /** Position in the parent list (virtual hosts, routes, endpoints) in each dump. */
  position?: { before?: number; after?: number };
  /** The object's raw JSON in the first dump (as read, not normalised). */
  before?: JsonValue;
  /** The object's raw JSON in the second dump. */
  after?: JsonValue;
}

/** A part of the dumps that was not compared, and why. */
export interface SkippedComparison {
  kind: DiffKind;
  /** `static`: only the static (bootstrap) objects of the kind were skipped. */
  scope: 'all' | 'static';
  reason: string;
}

/** The result of `diffDumps`: the changes, in kind order then identity order. */
export interface DumpDiff {
  changes: ObjectChange[];
  /** How many objects of each kind were matched by identity (on either side). */
  compared: Record<DiffKind, number>;
  skipped: SkippedComparison[];
  /** True when no change was found. */
  identical: boolean;
}

/** Options of `diffDumps`. */
export interface DiffOptions {
  /** Only these kinds (default: all). */
  kinds?: readonly DiffKind[];
  /**
   * Static (bootstrap) objects: `auto` (default) compares them unless only one side has static
   * objects of a kind (istiod's debug dump never holds bootstrap config); `false` never compares them.
   */
  staticResources?: 'auto' | boolean;
}
