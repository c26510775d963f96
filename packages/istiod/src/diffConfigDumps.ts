import type { ConfigDump, JsonValue } from '@meshlens/configdump';

/** Resource kinds compared by the sync diff (what `istioctl proxy-status <pod>` compares). */
export type SyncDiffKind = 'listener' | 'route' | 'cluster';

/** How one resource compares between istiod and the proxy. */
export interface SyncDiffEntry {
  kind: SyncDiffKind;
  name: string;
  status: 'same' | 'only_istiod' | 'only_envoy' | 'different';
  /**
   * For `different`: JSON paths, keys in camelCase, of what differs: `connectTimeout` (value
   * changed), `-filterChains[0].filters[1]` (only in istiod's version), `+path` (only in the proxy's).
   */
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

/** Key-order- and key-case-insensitive JSON text, to match array elements. */
function canonical(value: JsonValue | undefined): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const map = camelKeys(value);
    return `{${[...map.keys()]
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(map.get(k))}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/**
 * Arrays of different lengths: elements matched by longest common subsequence (like the unified
 * diff istioctl prints), so one removed element is one `-path[i]`, not a shifted tail.
 */
function diffArrays(a: JsonValue[], b: JsonValue[], path: string, out: string[]): void {
  const ka = a.map(canonical);
  const kb = b.map(canonical);
  // Quadratic, but xDS arrays that differ in length are short (domains, filters, hosts).
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () =>
    new Array<number>(b.length + 1).fill(0),
  );
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] =
        ka[i] === kb[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while ((i < a.length || j < b.length) && out.length < MAX_PATHS) {
    if (i < a.length && j < b.length && ka[i] === kb[j]) {
      i++;
      j++;
    } else if (j >= b.length || (i < a.length && lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      out.push(`-${path}[${i}]`);
      i++;
    } else {
      out.push(`+${path}[${j}]`);
      j++;
    }
  }
}

function collectDiffs(
  a: JsonValue | undefined,
  b: JsonValue | undefined,
  path: string,
  out: string[],
): void {
  if (out.length >= MAX_PATHS) return;
  if (a === b) return;
  // A field only one side has: `-` = only in istiod's version, `+` = only in the proxy's.
  if (a === undefined) {
    out.push(`+${path}`);
    return;
  }
  if (b === undefined) {
    out.push(`-${path}`);
    return;
  }
  const bothArrays = Array.isArray(a) && Array.isArray(b);
  const bothObjects =
    typeof a === 'object' &&
    a !== null &&
    !Array.isArray(a) &&
    typeof b === 'object' &&
    b !== null &&
    !Array.isArray(b);
  if (bothArrays) {
    if (a.length !== b.length) return diffArrays(a, b, path, out);
    for (let i = 0; i < a.length; i++) collectDiffs(a[i], b[i], `${path}[${i}]`, out);
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
