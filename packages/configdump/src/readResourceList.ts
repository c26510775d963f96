import type { DumpBuilder } from './builder';
import { noteInnerType } from './builder';
import type { ResourceKind } from './classifyResource';
import { classifyResource, unwrapEntry } from './classifyResource';
import { skipped, warn } from './context';
import { isObject, obj, str, typeUrl } from './fields';
import type { ExtensionConfig, JsonObject, JsonValue, ResourceMeta, SectionKind } from './model';
import { parseCluster } from './parseCluster';
import { parseClusterLoadAssignment } from './parseEndpoints';
import { parseListener } from './parseListener';
import { parseRouteConfig } from './parseRouteConfig';
import { parseSecret } from './parseSecret';
import { applyMeta } from './resourceMeta';

const SECTION_OF_KIND: Record<ResourceKind, SectionKind> = {
  listener: 'listeners',
  route_config: 'routes',
  cluster: 'clusters',
  endpoints: 'endpoints',
  secret: 'secrets',
  extension_config: 'ecds',
  scoped_route: 'scopedRoutes',
};

function entryMeta(entry: JsonObject | undefined): ResourceMeta {
  const m: ResourceMeta = { state: 'active' };
  if (!entry) return m;
  const v = str(entry, 'version_info');
  if (v !== undefined) m.versionInfo = v;
  const lu = str(entry, 'last_updated');
  if (lu !== undefined) m.lastUpdated = lu;
  return m;
}

function addResource(
  b: DumpBuilder,
  kind: ResourceKind,
  r: JsonObject,
  entry: JsonObject | undefined,
): void {
  noteInnerType(b, r);
  b.sections.add(SECTION_OF_KIND[kind]);
  const m = entryMeta(entry);
  switch (kind) {
    case 'listener':
      b.listeners.push(parseListener(r, m));
      return;
    case 'route_config':
      b.routeConfigs.push(parseRouteConfig(r, m, false));
      return;
    case 'cluster': {
      const c = parseCluster(r, m);
      b.clusters.push(c.cluster);
      if (c.endpoints) b.staticEndpoints.push(c.endpoints);
      return;
    }
    case 'endpoints':
      b.endpoints.push(parseClusterLoadAssignment(r, 'cluster-load-assignment'));
      return;
    case 'secret': {
      const name = (entry && str(entry, 'name')) ?? str(r, 'name') ?? '';
      b.secrets.push(parseSecret(r, name, m));
      return;
    }
    case 'extension_config': {
      const tc = obj(r, 'typed_config');
      const t = tc && typeUrl(tc);
      const ext: ExtensionConfig = applyMeta(
        { state: m.state, name: str(r, 'name') ?? '', raw: r },
        m,
      );
      if (t !== undefined) ext.typeUrl = t;
      b.extensionConfigs.push(ext);
      return;
    }
    case 'scoped_route': {
      const sr: DumpBuilder['scopedRouteConfigs'][number] = applyMeta(
        { state: m.state, name: str(r, 'name') ?? '', raw: r },
        m,
      );
      const rcn = str(r, 'route_configuration_name');
      if (rcn !== undefined) sr.routeConfigurationName = rcn;
      b.scopedRouteConfigs.push(sr);
      return;
    }
  }
}

/**
 * Reads a bare list of resources (`istioctl proxy-config cluster -o json` and friends), or dump
 * entries that wrap resources. Returns how many items were recognised.
 */
export function readResourceList(b: DumpBuilder, items: JsonValue[], path: string): number {
  let recognised = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!isObject(item)) {
      warn(b.ctx, 'malformed_resource', 'a list item is not an object', `${path}[${i}]`);
      continue;
    }
    const wrapped = unwrapEntry(item);
    const kind = wrapped ? wrapped.kind : classifyResource(item);
    if (kind === undefined) {
      const t = typeUrl(item);
      const why =
        t === undefined
          ? 'a list item is not a recognisable Envoy resource'
          : `unknown resource type ${t}`;
      warn(b.ctx, 'unknown_type', why, `${path}[${i}]`);
      continue;
    }
    recognised++;
    try {
      addResource(b, kind, wrapped ? wrapped.resource : item, wrapped ? wrapped.entry : undefined);
    } catch (e) {
      skipped(b.ctx, `${path}[${i}]`, e);
    }
  }
  return recognised;
}
