import type { ConfigDump, JsonValue } from '@meshlens/configdump';

/** Resource kinds compared by the sync diff (what `istioctl proxy-status <pod>` compares). */
export type SyncDiffKind = 'listener' | 'route' | 'cluster';

/** How one resource compares between istiod and the proxy. */
export interface SyncDiffEntry {
  kind: SyncDiffKind;
  name: string;
  status: 'same' | 'only_istiod' | 'only_envoy' | 'different';
  /** For `different`: JSON paths, keys in camelCase (e.g. `connectTimeout`, `filterChains[0].filters[1]`), whose values differ. */
  changedPaths?: string[];
  /** The resource as istiod would send it. */
  istiod?: JsonValue;
  /** The resource as the proxy holds it. */
  envoy?: JsonValue;
}

/** The whole comparison, per kind, in name order. */
export interface SyncDiff {
  entries: SyncDiffEntry[];
  /** True when every compared resource is the same. */
  inSync: boolean;
}

const MAX_PATHS = 20;

/**
 * Compares what istiod would send a proxy (`/debug/config_dump?proxyID=`) with what the proxy
 * holds (its Envoy `/config_dump`), resource by resource, like `istioctl proxy-status <pod>`.
 * Only dynamic resources are compared (static bootstrap ones never come from istiod), and only the
 * resources themselves: `version_info` / `last_updated` bookkeeping always differs between the
 * two sides and says nothing about the configuration. Arrays are compared index by index.
 */
export function diffConfigDumps(istiod: ConfigDump, envoy: ConfigDump): SyncDiff {
  const entries: SyncDiffEntry[] = [
    ...diffKind('listener', byName(istiod.listeners), byName(envoy.listeners)),
    ...diffKind(
      'route',
      byName(istiod.routeConfigs.filter((r) => !r.inline)),
      byName(envoy.routeConfigs.filter((r) => !r.inline)),
    ),
    ...diffKind('cluster', byName(istiod.clusters), byName(envoy.clusters)),
  ];
  return { entries, inSync: entries.every((e) => e.status === 'same') };
}

function byName(
  resources: readonly { name?: string; raw: JsonValue; state: string }[],
): Map<string, JsonValue> {
  const map = new Map<string, JsonValue>();
  // Like istioctl, only what xDS delivered counts: static (bootstrap) resources never come from istiod.
  for (const r of resources)
    if (r.name !== undefined && r.state !== 'static') map.set(r.name, r.raw);
  return map;
}

function diffKind(
  kind: SyncDiffKind,
  a: Map<string, JsonValue>,
  b: Map<string, JsonValue>,
): SyncDiffEntry[] {
  const names = [...new Set([...a.keys(), ...b.keys()])].sort();
  return names.map((name): SyncDiffEntry => {
    const left = a.get(name);
    const right = b.get(name);
    if (left === undefined)
      return { kind, name, status: 'only_envoy', ...(right !== undefined ? { envoy: right } : {}) };
    if (right === undefined) return { kind, name, status: 'only_istiod', istiod: left };
    const changedPaths: string[] = [];
    collectDiffs(left, right, '', changedPaths);
    return changedPaths.length === 0
      ? { kind, name, status: 'same' }
      : { kind, name, status: 'different', changedPaths, istiod: left, envoy: right };
  });
}

const camel = (key: string): string =>
  key.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

function camelKeys(o: { [key: string]: JsonValue }): Map<string, JsonValue> {
  const map = new Map<string, JsonValue>();
  for (const [key, value] of Object.entries(o)) map.set(camel(key), value);
  return map;
}

function collectDiffs(
  a: JsonValue | undefined,
  b: JsonValue | undefined,
  path: string,
  out: string[],
): void {
  if (out.length >= MAX_PATHS) return;
  if (a === b) return;
  const bothArrays = Array.isArray(a) && Array.isArray(b);
  const bothObjects =
    typeof a === 'object' &&
    a !== null &&
    !Array.isArray(a) &&
    typeof b === 'object' &&
    b !== null &&
    !Array.isArray(b);
  if (bothArrays) {
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) collectDiffs(a[i], b[i], `${path}[${i}]`, out);
    return;
  }
  if (bothObjects) {
    // istiod's debug dump is protojson (camelCase) while Envoy prints snake_case (or either, by
    // version): keys are compared in camelCase, as istioctl compares re-marshalled protos.
    const left = camelKeys(a);
    const right = camelKeys(b);
    const keys = [...new Set([...left.keys(), ...right.keys()])].sort();
    for (const key of keys)
      collectDiffs(left.get(key), right.get(key), path ? `${path}.${key}` : key, out);
    return;
  }
  out.push(path || '(root)');
}
