import type { ConfigDump, JsonValue } from '@meshlens/configdump';
import { diffDumps, type FieldChange, type ObjectChange } from '@meshlens/diff';

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

type Resource = { name: string; raw: JsonValue; state: string };

/** Like istioctl, only what xDS delivered counts: static (bootstrap) resources never come from istiod. */
function dynamicByName(resources: readonly Resource[]): Map<string, Resource> {
  const map = new Map<string, Resource>();
  for (const r of resources) if (r.state !== 'static') map.set(r.name, r);
  return map;
}

function mark(f: FieldChange, path: string): string {
  return f.op === 'added' ? `+${path}` : f.op === 'removed' ? `-${path}` : path;
}

const join = (prefix: string, path: string): string =>
  path === '' ? prefix : path.startsWith('[') ? `${prefix}${path}` : `${prefix}.${path}`;

/** A change of a virtual host or route, as paths inside its route configuration's JSON. */
function routeConfigPaths(
  c: ObjectChange,
  vhostIndex: (rc: string, vh: string) => number,
): string[] {
  if (c.ref.kind === 'route_config') return c.fields.map((f) => mark(f, f.path));
  if (c.ref.kind !== 'virtual_host' && c.ref.kind !== 'route') return [];
  const before = c.position?.before;
  const after = c.position?.after;
  const vh =
    c.ref.kind === 'virtual_host'
      ? `virtualHosts[${before ?? after ?? 0}]`
      : `virtualHosts[${vhostIndex(c.ref.routeConfig, c.ref.virtualHost)}]`;
  const self = c.ref.kind === 'virtual_host' ? vh : `${vh}.routes[${before ?? after ?? 0}]`;
  if (c.status === 'added')
    return [`+${c.ref.kind === 'virtual_host' ? vh : `${vh}.routes[${after ?? 0}]`}`];
  if (c.status === 'removed') return [`-${self}`];
  // A moved route is a change of its position in the route configuration.
  return c.fields.map((f) =>
    f.path === 'position' && f.op === 'moved' ? self : mark(f, join(self, f.path)),
  );
}

/**
 * Compares what istiod would send a proxy (`/debug/config_dump?proxyID=`) with what the proxy
 * holds (its Envoy `/config_dump`), resource by resource, like `istioctl proxy-status <pod>`, with
 * the semantic diff engine of `@meshlens/diff`: key order, snake_case vs camelCase, list order
 * where Envoy ignores it and `version_info` / `last_updated` bookkeeping never count. Only dynamic
 * resources are compared (static bootstrap ones never come from istiod). Changes of virtual hosts
 * and routes are reported as paths inside their route configuration.
 */
export function diffConfigDumps(istiod: ConfigDump, envoy: ConfigDump): SyncDiff {
  const diff = diffDumps(istiod, envoy, {
    kinds: ['listener', 'route_config', 'virtual_host', 'route', 'cluster'],
    staticResources: false,
  });
  const sides: Record<SyncDiffKind, [Map<string, Resource>, Map<string, Resource>]> = {
    listener: [dynamicByName(istiod.listeners), dynamicByName(envoy.listeners)],
    route: [
      dynamicByName(istiod.routeConfigs.filter((r) => !r.inline)),
      dynamicByName(envoy.routeConfigs.filter((r) => !r.inline)),
    ],
    cluster: [dynamicByName(istiod.clusters), dynamicByName(envoy.clusters)],
  };
  // Virtual host positions in istiod's route configurations, for paths of route changes.
  const vhostPositions = new Map<string, number>();
  for (const rc of istiod.routeConfigs)
    if (!rc.inline)
      rc.virtualHosts.forEach((vh, i) => vhostPositions.set(`${rc.name}\u0000${vh.name}`, i));
  const vhostIndex = (rc: string, vh: string): number =>
    vhostPositions.get(`${rc}\u0000${vh}`) ?? 0;

  const paths = new Map<string, string[]>();
  const status = new Map<string, SyncDiffEntry['status']>();
  for (const c of diff.changes) {
    const kind: SyncDiffKind =
      c.ref.kind === 'listener' ? 'listener' : c.ref.kind === 'cluster' ? 'cluster' : 'route';
    const name = 'name' in c.ref ? c.ref.name : 'routeConfig' in c.ref ? c.ref.routeConfig : '';
    const key = `${kind}\u0000${name}`;
    if (c.kind === 'listener' || c.kind === 'cluster' || c.kind === 'route_config') {
      if (c.status === 'added') status.set(key, 'only_envoy');
      if (c.status === 'removed') status.set(key, 'only_istiod');
    }
    const list = paths.get(key) ?? [];
    list.push(
      ...(kind === 'route'
        ? routeConfigPaths(c, vhostIndex)
        : c.fields.map((f) => mark(f, f.path))),
    );
    paths.set(key, list);
  }

  const entries: SyncDiffEntry[] = [];
  for (const kind of ['listener', 'route', 'cluster'] as const) {
    const [left, right] = sides[kind];
    const names = [...new Set([...left.keys(), ...right.keys()])].sort();
    for (const name of names) {
      const key = `${kind}\u0000${name}`;
      const l = left.get(name)?.raw;
      const r = right.get(name)?.raw;
      const s = status.get(key);
      if (s === 'only_envoy' || l === undefined) {
        entries.push({
          kind,
          name,
          status: 'only_envoy',
          ...(r !== undefined ? { envoy: r } : {}),
        });
        continue;
      }
      if (s === 'only_istiod' || r === undefined) {
        entries.push({ kind, name, status: 'only_istiod', istiod: l });
        continue;
      }
      const changedPaths = (paths.get(key) ?? []).slice(0, MAX_PATHS);
      entries.push(
        changedPaths.length === 0
          ? { kind, name, status: 'same' }
          : { kind, name, status: 'different', changedPaths, istiod: l, envoy: r },
      );
    }
  }
  return { entries, inSync: entries.every((e) => e.status === 'same') };
}
