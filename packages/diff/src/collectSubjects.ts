import {
  formatAddress,
  type ConfigDump,
  type JsonObject,
  type JsonValue,
  type RouteConfig,
} from '@meshlens/configdump';
import type { DiffKind, DiffObjectRef } from './model';
import { canonicalText, normalizeJson } from './normalizeJson';

/** One object of a dump, ready to be matched by identity and compared. */
export interface Subject {
  kind: DiffKind;
  /** Identity, unique per kind within one dump. */
  id: string;
  ref: DiffObjectRef;
  /** Identity of the enclosing object (route config of a virtual host, virtual host of a route). */
  parentId?: string;
  /** True for bootstrap (static) objects. */
  isStatic: boolean;
  position?: number;
  raw: JsonValue;
  /** Normalised raw JSON minus the children compared as objects of their own. */
  value: JsonValue;
}

const without = (v: JsonValue, ...keys: string[]): JsonValue => {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
  const out: JsonObject = { ...v };
  for (const k of keys) delete out[k];
  return out;
};

/**
 * Makes identities unique: duplicates get `#2`, `#3`... For lists whose order means nothing
 * (`byContent`), duplicates are numbered in the order of their content, so that reordering a dump
 * never renumbers them; routes are numbered by position, which is meaningful.
 */
function uniqueIds<T extends { id: string; value: JsonValue }>(
  items: T[],
  byContent: boolean,
): T[] {
  const groups = new Map<string, T[]>();
  for (const s of items) {
    const g = groups.get(s.id) ?? [];
    g.push(s);
    groups.set(s.id, g);
  }
  for (const [id, group] of groups) {
    if (group.length < 2) continue;
    const ordered = byContent
      ? [...group].sort((x, y) => {
          const [cx, cy] = [canonicalText(x.value), canonicalText(y.value)];
          return cx < cy ? -1 : cx > cy ? 1 : 0;
        })
      : group;
    ordered.forEach((s, i) => {
      if (i > 0) s.id = `${id} #${i + 1}`;
    });
  }
  return items;
}

/** Identities of a dump's (non-inline) route configurations, shared by their virtual hosts and routes. */
function routeConfigIds(dump: ConfigDump): Map<RouteConfig, string> {
  const drafts = dump.routeConfigs
    .filter((rc) => !rc.inline)
    .map((rc) => ({ rc, id: `${rc.name}${stateTag(rc.state)}`, value: normalizeJson(rc.raw) }));
  return new Map(uniqueIds(drafts, true).map((d) => [d.rc, d.id]));
}

const stateTag = (state: string): string =>
  state === 'active' || state === 'static' ? '' : ` [${state}]`;

/** Every object of one kind in a dump. */
export function collectSubjects(dump: ConfigDump, kind: DiffKind): Subject[] {
  const out: Subject[] = [];
  const named = (
    list: readonly { name: string; state: string; raw: JsonValue }[],
    k: 'listener' | 'cluster' | 'secret' | 'extension_config',
    strip: (v: JsonValue) => JsonValue = (v) => v,
  ): void => {
    for (const o of list) {
      const id = `${o.name}${stateTag(o.state)}`;
      out.push({
        kind: k,
        id,
        ref: { kind: k, name: o.name },
        isStatic: o.state === 'static',
        raw: o.raw,
        value: strip(normalizeJson(o.raw)),
      });
    }
  };
  switch (kind) {
    case 'listener':
      for (const l of dump.listeners) {
        const name = l.name || formatAddress(l.address);
        const id = `${name}${stateTag(l.state)}`;
        out.push({
          kind,
          id,
          ref: { kind, name },
          isStatic: l.state === 'static',
          raw: l.raw,
          value: normalizeJson(l.raw),
        });
      }
      break;
    case 'cluster':
      // Endpoints are compared one by one as `endpoint` objects, not inside their cluster.
      named(dump.clusters, kind, (v) => {
        const stripped = without(v, 'hosts', 'loadAssignment');
        const la =
          typeof v === 'object' && v !== null && !Array.isArray(v) ? v.loadAssignment : undefined;
        if (la === undefined) return stripped;
        return { ...(stripped as JsonObject), loadAssignment: without(la, 'endpoints') };
      });
      break;
    case 'secret':
      named(dump.secrets, kind);
      break;
    case 'extension_config':
      named(dump.extensionConfigs, kind);
      break;
    case 'route_config':
    case 'virtual_host':
    case 'route':
      for (const [rc, rcId] of routeConfigIds(dump)) {
        const isStatic = rc.state === 'static';
        if (kind === 'route_config') {
          out.push({
            kind,
            id: rcId,
            ref: { kind, name: rc.name },
            isStatic,
            raw: rc.raw,
            value: without(normalizeJson(rc.raw), 'virtualHosts'),
          });
          continue;
        }
        const hosts: Subject[] = [];
        rc.virtualHosts.forEach((vh, position) => {
          const vhId = `${rcId}/${vh.name}`;
          if (kind === 'virtual_host') {
            hosts.push({
              kind,
              id: vhId,
              ref: { kind, routeConfig: rc.name, virtualHost: vh.name },
              parentId: rcId,
              isStatic,
              position,
              raw: vh.raw,
              value: without(normalizeJson(vh.raw), 'routes'),
            });
            return;
          }
          const routes: Subject[] = vh.routes.map((r, i) => {
            const route = r.name ?? `match ${canonicalText(normalizeJson(r.match.raw))}`;
            return {
              kind,
              id: `${vhId}/${route}`,
              ref: { kind, routeConfig: rc.name, virtualHost: vh.name, route },
              parentId: vhId,
              isStatic,
              position: i,
              raw: r.raw,
              value: normalizeJson(r.raw),
            };
          });
          out.push(...uniqueIds(routes, false));
        });
        out.push(...uniqueIds(hosts, true));
      }
      break;
    case 'endpoint':
      for (const ce of dump.endpoints) {
        const eps: Subject[] = ce.endpoints.map((e, position) => {
          const address = formatAddress(e.address);
          return {
            kind,
            id: `${ce.clusterName} ${address}`,
            ref: { kind, cluster: ce.clusterName, address },
            isStatic: ce.source === 'static',
            position,
            raw: e.raw,
            value: normalizeJson(e.raw),
          };
        });
        out.push(...eps);
      }
      break;
  }
  return kind === 'route_config' || kind === 'virtual_host' || kind === 'route'
    ? out
    : uniqueIds(out, true);
}
