import type { DumpBuilder } from './builder';
import { noteInnerType } from './builder';
import { guarded } from './context';
import { obj, objArr, str } from './fields';
import type { JsonObject, ResourceMeta, ResourceState, SectionKind } from './model';
import { parseBootstrap } from './parseBootstrap';
import { parseCluster } from './parseCluster';
import { parseClusterLoadAssignment } from './parseEndpoints';
import { parseListener } from './parseListener';
import { parseRouteConfig } from './parseRouteConfig';
import { parseSecret } from './parseSecret';

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

function readClusters(b: DumpBuilder, s: JsonObject, path: string): void {
  const sv = str(s, 'version_info');
  const lists: [string, ResourceState][] = [
    ['static_clusters', 'static'],
    ['dynamic_active_clusters', 'active'],
    ['dynamic_warming_clusters', 'warming'],
  ];
  for (const [key, state] of lists) {
    objArr(s, key).forEach((e, i) => {
      guarded(b.ctx, `${path}.${key}[${i}]`, () => {
        const c = obj(e, 'cluster');
        if (!c) return;
        noteInnerType(b, c);
        const r = parseCluster(c, meta(e, state, state === 'static' ? sv : undefined));
        b.clusters.push(r.cluster);
        if (r.endpoints) b.staticEndpoints.push(r.endpoints);
      });
    });
  }
}

function pushListener(b: DumpBuilder, l: JsonObject, m: ResourceMeta): void {
  noteInnerType(b, l);
  b.listeners.push(parseListener(l, m));
}

function readListeners(b: DumpBuilder, s: JsonObject, path: string): void {
  const sv = str(s, 'version_info');
  objArr(s, 'static_listeners').forEach((e, i) => {
    guarded(b.ctx, `${path}.static_listeners[${i}]`, () => {
      const l = obj(e, 'listener');
      if (l) pushListener(b, l, meta(e, 'static', sv));
    });
  });
  // v2: one list per state.
  const v2: [string, ResourceState][] = [
    ['dynamic_active_listeners', 'active'],
    ['dynamic_warming_listeners', 'warming'],
    ['dynamic_draining_listeners', 'draining'],
  ];
  for (const [key, state] of v2) {
    objArr(s, key).forEach((e, i) => {
      guarded(b.ctx, `${path}.${key}[${i}]`, () => {
        const l = obj(e, 'listener');
        if (l) pushListener(b, l, meta(e, state));
      });
    });
  }
  // v3: one entry per name, with a sub-object per state.
  const states: [string, ResourceState][] = [
    ['active_state', 'active'],
    ['warming_state', 'warming'],
    ['draining_state', 'draining'],
  ];
  objArr(s, 'dynamic_listeners').forEach((e, i) => {
    guarded(b.ctx, `${path}.dynamic_listeners[${i}]`, () => {
      for (const [key, state] of states) {
        const st = obj(e, key);
        const l = st && obj(st, 'listener');
        if (st && l) pushListener(b, l, meta(st, state));
      }
      const err = obj(e, 'error_state');
      if (err) {
        // A NACKed update: the rejected config, if Envoy kept it, plus the reason.
        const failed = obj(err, 'failed_configuration') ?? { name: str(e, 'name') ?? '' };
        const m: ResourceMeta = { state: 'error' };
        const details = str(err, 'details');
        if (details !== undefined) m.errorDetails = details;
        const lu = str(err, 'last_update_attempt');
        if (lu !== undefined) m.lastUpdated = lu;
        const v = str(err, 'version_info');
        if (v !== undefined) m.versionInfo = v;
        pushListener(b, failed, m);
      }
    });
  });
}

function readRoutes(b: DumpBuilder, s: JsonObject, path: string): void {
  const lists: [string, ResourceState][] = [
    ['static_route_configs', 'static'],
    ['dynamic_route_configs', 'active'],
  ];
  for (const [key, state] of lists) {
    objArr(s, key).forEach((e, i) => {
      guarded(b.ctx, `${path}.${key}[${i}]`, () => {
        const rc = obj(e, 'route_config');
        if (!rc) return;
        noteInnerType(b, rc);
        b.routeConfigs.push(parseRouteConfig(rc, meta(e, state), false));
      });
    });
  }
}

function readScopedRoutes(b: DumpBuilder, s: JsonObject, path: string): void {
  const lists: [string, ResourceState][] = [
    ['inline_scoped_route_configs', 'static'],
    ['dynamic_scoped_route_configs', 'active'],
  ];
  for (const [key, state] of lists) {
    objArr(s, key).forEach((e, i) => {
      guarded(b.ctx, `${path}.${key}[${i}]`, () => {
        const m = meta(e, state);
        const scopedRoutesName = str(e, 'name');
        for (const src of objArr(e, 'scoped_route_configs')) {
          const sr = { ...m, name: str(src, 'name') ?? '', raw: src } as const;
          const out: (typeof b.scopedRouteConfigs)[number] = { ...sr };
          const rcn = str(src, 'route_configuration_name');
          if (rcn !== undefined) out.routeConfigurationName = rcn;
          if (scopedRoutesName !== undefined) out.scopedRoutesName = scopedRoutesName;
          b.scopedRouteConfigs.push(out);
        }
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
    objArr(s, key).forEach((e, i) => {
      guarded(b.ctx, `${path}.${key}[${i}]`, () => {
        const secret = obj(e, 'secret');
        if (secret) noteInnerType(b, secret);
        const name = str(e, 'name') ?? (secret && str(secret, 'name')) ?? '';
        b.secrets.push(parseSecret(secret, name, meta(e, state)));
      });
    });
  }
}

function readEndpoints(b: DumpBuilder, s: JsonObject, path: string): void {
  const lists: [string, 'static' | 'eds'][] = [
    ['static_endpoint_configs', 'static'],
    ['dynamic_endpoint_configs', 'eds'],
  ];
  for (const [key, source] of lists) {
    objArr(s, key).forEach((e, i) => {
      guarded(b.ctx, `${path}.${key}[${i}]`, () => {
        const cla = obj(e, 'endpoint_config');
        if (!cla) return;
        noteInnerType(b, cla);
        b.endpoints.push(parseClusterLoadAssignment(cla, source));
      });
    });
  }
}

function readEcds(b: DumpBuilder, s: JsonObject, path: string): void {
  objArr(s, 'ecds_filters').forEach((e, i) => {
    guarded(b.ctx, `${path}.ecds_filters[${i}]`, () => {
      const f = obj(e, 'ecds_filter');
      if (!f) return;
      const tc = obj(f, 'typed_config');
      const ext = { ...meta(e, 'active'), name: str(f, 'name') ?? '', raw: f } as const;
      const t = tc && (str(tc, '@type') ?? undefined);
      b.extensionConfigs.push(t === undefined ? { ...ext } : { ...ext, typeUrl: t });
    });
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
