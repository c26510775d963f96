import type { DumpBuilder } from './builder';
import { noteInnerType } from './builder';
import { guarded, skipped, warn } from './context';
import { field, isObject, obj, str } from './fields';
import type {
  ExtensionConfig,
  JsonObject,
  ResourceMeta,
  ResourceState,
  SectionKind,
} from './model';
import { parseBootstrap } from './parseBootstrap';
import { parseCluster } from './parseCluster';
import { parseClusterLoadAssignment } from './parseEndpoints';
import { parseListener } from './parseListener';
import { parseRouteConfig } from './parseRouteConfig';
import { parseSecret } from './parseSecret';
import { applyMeta } from './resourceMeta';

/** The admin `*ConfigDump` type names and the section each one is. */
export const SECTION_OF_TYPE: Record<string, SectionKind> = {
  BootstrapConfigDump: 'bootstrap',
  ClustersConfigDump: 'clusters',
  EndpointsConfigDump: 'endpoints',
  ListenersConfigDump: 'listeners',
  RoutesConfigDump: 'routes',
  ScopedRoutesConfigDump: 'scopedRoutes',
  SecretsConfigDump: 'secrets',
  EcdsConfigDump: 'ecds',
};

function meta(entry: JsonObject, state: ResourceState, sectionVersion?: string): ResourceMeta {
  const m: ResourceMeta = { state };
  const v = str(entry, 'version_info') ?? sectionVersion;
  if (v !== undefined) m.versionInfo = v;
  const lu = str(entry, 'last_updated');
  if (lu !== undefined) m.lastUpdated = lu;
  return m;
}

/**
 * Calls `read` for every entry of the list `s[key]`, each under its own guard. With `wrapper`,
 * the entry must hold that resource object (`{ "cluster": {...}, "last_updated": ... }`); entries
 * that are not objects, or lack the resource, become `malformed_resource` warnings.
 */
function eachEntry(
  b: DumpBuilder,
  s: JsonObject,
  key: string,
  path: string,
  wrapper: string | undefined,
  read: (entry: JsonObject, resource: JsonObject | undefined) => void,
): void {
  const list = field(s, key);
  if (list === undefined) return;
  const here = `${path}.${key}`;
  if (!Array.isArray(list)) {
    warn(b.ctx, 'malformed_resource', `\`${key}\` is not a list`, here);
    return;
  }
  for (let i = 0; i < list.length; i++) {
    const e = list[i];
    // Paths are built only for warnings: one string per entry would be pure garbage on big dumps.
    if (!isObject(e)) {
      warn(b.ctx, 'malformed_resource', `an entry of \`${key}\` is not an object`, `${here}[${i}]`);
      continue;
    }
    let resource: JsonObject | undefined;
    if (wrapper !== undefined) {
      resource = obj(e, wrapper);
      if (!resource) {
        const why = `an entry of \`${key}\` has no \`${wrapper}\` object`;
        warn(b.ctx, 'malformed_resource', why, `${here}[${i}]`);
        continue;
      }
      noteInnerType(b, resource);
    }
    try {
      read(e, resource);
    } catch (err) {
      skipped(b.ctx, `${here}[${i}]`, err);
    }
  }
}

function readClusters(b: DumpBuilder, s: JsonObject, path: string): void {
  const sv = str(s, 'version_info');
  const lists: [string, ResourceState][] = [
    ['static_clusters', 'static'],
    ['dynamic_active_clusters', 'active'],
    ['dynamic_warming_clusters', 'warming'],
  ];
  for (const [key, state] of lists) {
    eachEntry(b, s, key, path, 'cluster', (e, c) => {
      const r = parseCluster(c!, meta(e, state, state === 'static' ? sv : undefined));
      b.clusters.push(r.cluster);
      if (r.endpoints) b.staticEndpoints.push(r.endpoints);
    });
  }
}

function errorStateListener(b: DumpBuilder, e: JsonObject, err: JsonObject): void {
  // A NACKed update: the rejected config, if Envoy kept it, plus the reason.
  const failed = obj(err, 'failed_configuration') ?? { name: str(e, 'name') ?? '' };
  const m: ResourceMeta = { state: 'error' };
  const details = str(err, 'details');
  if (details !== undefined) m.errorDetails = details;
  const lu = str(err, 'last_update_attempt');
  if (lu !== undefined) m.lastUpdated = lu;
  const v = str(err, 'version_info');
  if (v !== undefined) m.versionInfo = v;
  b.listeners.push(parseListener(failed, m));
}

function readListeners(b: DumpBuilder, s: JsonObject, path: string): void {
  const sv = str(s, 'version_info');
  // v2 has one list per state; v3 one `dynamic_listeners` entry per name, with a sub-object per state.
  const lists: [string, ResourceState][] = [
    ['static_listeners', 'static'],
    ['dynamic_active_listeners', 'active'],
    ['dynamic_warming_listeners', 'warming'],
    ['dynamic_draining_listeners', 'draining'],
  ];
  for (const [key, state] of lists) {
    eachEntry(b, s, key, path, 'listener', (e, l) => {
      b.listeners.push(parseListener(l!, meta(e, state, state === 'static' ? sv : undefined)));
    });
  }
  const states: [string, ResourceState][] = [
    ['active_state', 'active'],
    ['warming_state', 'warming'],
    ['draining_state', 'draining'],
  ];
  eachEntry(b, s, 'dynamic_listeners', path, undefined, (e) => {
    for (const [key, state] of states) {
      const st = obj(e, key);
      const l = st && obj(st, 'listener');
      if (st && l) {
        noteInnerType(b, l);
        const listener = parseListener(l, meta(st, state));
        // The entry carries the name even when the listener object omits it.
        if (listener.name === '') listener.name = str(e, 'name') ?? '';
        b.listeners.push(listener);
      }
    }
    const err = obj(e, 'error_state');
    if (err) errorStateListener(b, e, err);
  });
}

function readRoutes(b: DumpBuilder, s: JsonObject, path: string): void {
  const lists: [string, ResourceState][] = [
    ['static_route_configs', 'static'],
    ['dynamic_route_configs', 'active'],
  ];
  for (const [key, state] of lists) {
    eachEntry(b, s, key, path, 'route_config', (e, rc) => {
      b.routeConfigs.push(parseRouteConfig(rc!, meta(e, state), false));
    });
  }
}

function readScopedRoutes(b: DumpBuilder, s: JsonObject, path: string): void {
  const lists: [string, ResourceState][] = [
    ['inline_scoped_route_configs', 'static'],
    ['dynamic_scoped_route_configs', 'active'],
  ];
  for (const [key, state] of lists) {
    eachEntry(b, s, key, path, undefined, (e) => {
      const m = meta(e, state);
      const scopedRoutesName = str(e, 'name');
      eachEntry(b, e, 'scoped_route_configs', `${path}.${key}`, undefined, (src) => {
        noteInnerType(b, src);
        const out: DumpBuilder['scopedRouteConfigs'][number] = applyMeta(
          { state: m.state, name: str(src, 'name') ?? '', raw: src },
          m,
        );
        const rcn = str(src, 'route_configuration_name');
        if (rcn !== undefined) out.routeConfigurationName = rcn;
        if (scopedRoutesName !== undefined) out.scopedRoutesName = scopedRoutesName;
        b.scopedRouteConfigs.push(out);
      });
    });
  }
}

function readSecrets(b: DumpBuilder, s: JsonObject, path: string): void {
  const lists: [string, ResourceState][] = [
    ['static_secrets', 'static'],
    ['dynamic_active_secrets', 'active'],
    ['dynamic_warming_secrets', 'warming'],
  ];
  for (const [key, state] of lists) {
    // A warming secret may have no `secret` yet (requested, never received).
    eachEntry(b, s, key, path, undefined, (e) => {
      const secret = obj(e, 'secret');
      if (secret) noteInnerType(b, secret);
      const name = str(e, 'name') ?? (secret && str(secret, 'name')) ?? '';
      b.secrets.push(parseSecret(secret, name, meta(e, state)));
    });
  }
}

function readEndpoints(b: DumpBuilder, s: JsonObject, path: string): void {
  const lists: [string, 'static' | 'eds'][] = [
    ['static_endpoint_configs', 'static'],
    ['dynamic_endpoint_configs', 'eds'],
  ];
  for (const [key, source] of lists) {
    eachEntry(b, s, key, path, 'endpoint_config', (_e, cla) => {
      b.endpoints.push(parseClusterLoadAssignment(cla!, source));
    });
  }
}

function readEcds(b: DumpBuilder, s: JsonObject, path: string): void {
  eachEntry(b, s, 'ecds_filters', path, 'ecds_filter', (e, f) => {
    const tc = obj(f!, 'typed_config');
    const ext: ExtensionConfig = applyMeta(
      { state: 'active', name: str(f!, 'name') ?? '', raw: f! },
      meta(e, 'active'),
    );
    const t = tc && str(tc, '@type');
    if (t !== undefined) ext.typeUrl = t;
    b.extensionConfigs.push(ext);
  });
}

/** Reads one admin section (already identified) into the builder. */
export function readSection(b: DumpBuilder, kind: SectionKind, s: JsonObject, path: string): void {
  b.sections.add(kind);
  switch (kind) {
    case 'bootstrap':
      guarded(b.ctx, path, () => {
        b.bootstrap = parseBootstrap(s);
      });
      return;
    case 'clusters':
      return readClusters(b, s, path);
    case 'listeners':
      return readListeners(b, s, path);
    case 'routes':
      return readRoutes(b, s, path);
    case 'scopedRoutes':
      return readScopedRoutes(b, s, path);
    case 'secrets':
      return readSecrets(b, s, path);
    case 'endpoints':
      return readEndpoints(b, s, path);
    case 'ecds':
      return readEcds(b, s, path);
  }
}
