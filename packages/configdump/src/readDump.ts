import type { DumpBuilder } from './builder';
import { warn } from './context';
import { field, has, isObject, objArr, shortTypeName, typeUrl } from './fields';
import type { DumpError, DumpShape, JsonObject, JsonValue, SectionKind } from './model';
import { classifyResource } from './classifyResource';
import { parseAdminClusterStatus } from './parseEndpoints';
import { readResourceList } from './readResourceList';
import { readSection, SECTION_OF_TYPE } from './readSection';

const EXPECTED =
  'an Envoy admin config dump: an object with a `configs` array (Envoy /config_dump), ' +
  'a list of Envoy resources (istioctl proxy-config ... -o json), one admin *ConfigDump section, ' +
  'or Envoy admin /clusters?format=json output (`cluster_statuses`)';

/** Keys that identify an admin section that lacks its `@type` (istioctl -o json output). */
const SECTION_KEYS: [string, SectionKind][] = [
  ['bootstrap', 'bootstrap'],
  ['static_clusters', 'clusters'],
  ['dynamic_active_clusters', 'clusters'],
  ['dynamic_warming_clusters', 'clusters'],
  ['static_listeners', 'listeners'],
  ['dynamic_listeners', 'listeners'],
  ['dynamic_active_listeners', 'listeners'],
  ['dynamic_warming_listeners', 'listeners'],
  ['dynamic_draining_listeners', 'listeners'],
  ['static_route_configs', 'routes'],
  ['dynamic_route_configs', 'routes'],
  ['inline_scoped_route_configs', 'scopedRoutes'],
  ['dynamic_scoped_route_configs', 'scopedRoutes'],
  ['static_secrets', 'secrets'],
  ['dynamic_active_secrets', 'secrets'],
  ['dynamic_warming_secrets', 'secrets'],
  ['static_endpoint_configs', 'endpoints'],
  ['dynamic_endpoint_configs', 'endpoints'],
  ['ecds_filters', 'ecds'],
];

/** A short description of a JSON value, for "found ..." in errors. */
export function describeValue(v: JsonValue): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return `an array of ${v.length} value${v.length === 1 ? '' : 's'}`;
  if (isObject(v)) {
    const keys = Object.keys(v);
    if (keys.length === 0) return 'an empty object';
    const shown = keys.slice(0, 8).join(', ');
    return `an object with keys ${shown}${keys.length > 8 ? `, ... (${keys.length} keys)` : ''}`;
  }
  return `a ${typeof v}`;
}

function sectionOf(o: JsonObject, b: DumpBuilder): SectionKind | undefined {
  const t = typeUrl(o);
  if (t !== undefined) {
    if (t.includes('.admin.v2alpha.')) b.adminV2 = true;
    else if (t.includes('.admin.v3.')) b.adminV3 = true;
    const short = shortTypeName(t);
    return short === undefined ? undefined : SECTION_OF_TYPE[short];
  }
  for (const [key, kind] of SECTION_KEYS) if (has(o, key)) return kind;
  return undefined;
}

function readConfigs(
  b: DumpBuilder,
  configs: JsonValue[],
  onSection: ((done: number, total: number) => void) | undefined,
): void {
  configs.forEach((c, i) => {
    onSection?.(i, configs.length);
    const path = `configs[${i}]`;
    if (!isObject(c)) {
      warn(b.ctx, 'malformed_resource', 'a `configs` entry is not an object', path);
      return;
    }
    const kind = sectionOf(c, b);
    if (kind === undefined) {
      const t = typeUrl(c);
      warn(
        b.ctx,
        t === undefined ? 'unknown_section' : 'unknown_type',
        t === undefined
          ? `a \`configs\` entry without @type that is no known section (${describeValue(c)})`
          : `unknown config dump section type ${t}; it was skipped`,
        path,
      );
      return;
    }
    readSection(b, kind, c, path);
  });
}

/** egctl prints `{ "<namespace>": { "<pod>": <dump or section> } }`. */
function unwrapPerPod(o: JsonObject): { value: JsonObject; count: number } | undefined {
  const leaves: JsonObject[] = [];
  for (const ns of Object.values(o)) {
    if (!isObject(ns)) return undefined;
    for (const pod of Object.values(ns)) {
      if (!isObject(pod)) return undefined;
      leaves.push(pod);
    }
  }
  const first = leaves[0];
  return first ? { value: first, count: leaves.length } : undefined;
}

/** Walks the parsed input into the builder; returns its shape or why it is not a dump. */
export function readDump(
  b: DumpBuilder,
  v: JsonValue,
  onSection?: (done: number, total: number) => void,
  depth = 0,
): { shape: DumpShape } | { error: DumpError } {
  const notADump = (): { error: DumpError } => {
    const found = describeValue(v);
    return {
      error: {
        code: 'not_a_config_dump',
        message: `expected ${EXPECTED}; found ${found}`,
        expected: EXPECTED,
        found,
      },
    };
  };
  if (Array.isArray(v)) {
    const n = readResourceList(b, v, '');
    return n > 0 || v.length === 0 ? { shape: 'resource-list' } : notADump();
  }
  if (!isObject(v)) return notADump();
  const configs = field(v, 'configs');
  if (Array.isArray(configs)) {
    readConfigs(b, configs, onSection);
    return { shape: 'config-dump' };
  }
  if (has(v, 'cluster_statuses')) {
    b.sections.add('endpoints');
    for (const cs of objArr(v, 'cluster_statuses')) b.endpoints.push(parseAdminClusterStatus(cs));
    return { shape: 'admin-clusters' };
  }
  const kind = sectionOf(v, b);
  if (kind !== undefined) {
    readSection(b, kind, v, '');
    // istioctl's `proxy-config ecds -o json` is a bare list of filters under `ecdsFilters`.
    const bareList = kind === 'ecds' && typeUrl(v) === undefined;
    return { shape: bareList ? 'resource-list' : 'single-section' };
  }
  // A single resource (e.g. a RouteConfiguration YAML file) is a list of one.
  if (classifyResource(v) !== undefined && readResourceList(b, [v], '') > 0) {
    return { shape: 'resource-list' };
  }
  if (depth === 0) {
    const inner = unwrapPerPod(v);
    if (inner) {
      if (inner.count > 1) {
        warn(
          b.ctx,
          'unsupported_field',
          `the input holds ${inner.count} proxies; only the first was read`,
        );
      }
      const r = readDump(b, inner.value, onSection, 1);
      if ('shape' in r) return r;
    }
  }
  return notADump();
}
