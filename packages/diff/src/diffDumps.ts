import type { ConfigDump, SectionKind } from '@meshlens/configdump';
import { collectSubjects, type Subject } from './collectSubjects';
import { diffJson, lcsPairs } from './diffJson';
import {
  DIFF_KINDS,
  type DiffKind,
  type DiffOptions,
  type DumpDiff,
  type ObjectChange,
  type SkippedComparison,
} from './model';

const SECTION: Record<DiffKind, SectionKind> = {
  listener: 'listeners',
  route_config: 'routes',
  virtual_host: 'routes',
  route: 'routes',
  cluster: 'clusters',
  endpoint: 'endpoints',
  secret: 'secrets',
  extension_config: 'ecds',
};

/** Virtual hosts and routes follow their route config's decisions (sections, static objects). */
const OWNER: Record<DiffKind, DiffKind> = {
  listener: 'listener',
  route_config: 'route_config',
  virtual_host: 'route_config',
  route: 'route_config',
  cluster: 'cluster',
  endpoint: 'endpoint',
  secret: 'secret',
  extension_config: 'extension_config',
};

/** A dump "has" a kind when it had the section (endpoints also come from static clusters). */
function hasKind(dump: ConfigDump, kind: DiffKind): boolean {
  if (kind === 'endpoint') return dump.sections.includes('endpoints') || dump.endpoints.length > 0;
  return dump.sections.includes(SECTION[kind]);
}

const byId = (subjects: Subject[]): Map<string, Subject> => new Map(subjects.map((s) => [s.id, s]));

/**
 * Semantic diff of two config dumps: objects matched by identity (listener name, route config,
 * virtual host within it, route name or match within its virtual host, cluster, endpoint by
 * cluster + address, secret, extension config), compared field by field on their normalised
 * JSON, so key order, list order where Envoy ignores it, snake_case vs camelCase, v2 vs v3
 * `@type` spellings and volatile bookkeeping never count as differences. A route displaced within
 * its virtual host is a change (Envoy takes the first match). Children of an added or removed
 * object are not listed apart.
 */
export function diffDumps(a: ConfigDump, b: ConfigDump, options: DiffOptions = {}): DumpDiff {
  const kinds = new Set(options.kinds ?? DIFF_KINDS);
  const skipped: SkippedComparison[] = [];
  const compared = Object.fromEntries(DIFF_KINDS.map((k) => [k, 0])) as Record<DiffKind, number>;
  const changes: ObjectChange[] = [];
  const subjects = new Map<DiffKind, [Map<string, Subject>, Map<string, Subject>]>();
  const staticOff = new Set<DiffKind>();
  const sectionOff = new Set<DiffKind>();

  // Virtual hosts and routes are compared only inside parents both dumps have: collect those too.
  const needed = new Set(kinds);
  if (needed.has('route')) needed.add('virtual_host');
  if (needed.has('virtual_host')) needed.add('route_config');

  for (const kind of DIFF_KINDS) {
    if (!needed.has(kind)) continue;
    const owner = OWNER[kind];
    if (owner === kind && (!hasKind(a, kind) || !hasKind(b, kind))) {
      if (hasKind(a, kind) || hasKind(b, kind))
        skipped.push({
          kind,
          scope: 'all',
          reason: `only the ${hasKind(a, kind) ? 'first' : 'second'} dump has the ${SECTION[kind]} section`,
        });
      sectionOff.add(kind);
    }
    if (sectionOff.has(owner)) continue;
    let left = collectSubjects(a, kind);
    let right = collectSubjects(b, kind);
    if (owner === kind) {
      const sa = left.some((s) => s.isStatic);
      const sb = right.some((s) => s.isStatic);
      const mode = options.staticResources ?? 'auto';
      if (mode === false || (mode === 'auto' && sa !== sb)) {
        staticOff.add(kind);
        if (sa || sb)
          skipped.push({
            kind,
            scope: 'static',
            reason:
              mode === false
                ? 'static (bootstrap) objects are not compared'
                : `only the ${sa ? 'first' : 'second'} dump has static (bootstrap) ${kind.replace('_', ' ')}s`,
          });
      }
    }
    if (staticOff.has(owner)) {
      left = left.filter((s) => !s.isStatic);
      right = right.filter((s) => !s.isStatic);
    }
    subjects.set(kind, [byId(left), byId(right)]);
  }

  for (const [kind, [left, right]] of subjects) {
    if (!kinds.has(kind)) continue;
    const parentKind: DiffKind | undefined =
      kind === 'virtual_host' ? 'route_config' : kind === 'route' ? 'virtual_host' : undefined;
    const parents = parentKind ? (subjects.get(parentKind) ?? [new Map(), new Map()]) : undefined;
    // Children are compared only inside a parent both dumps have.
    const inBothParents = (s: Subject): boolean =>
      parents === undefined ||
      (s.parentId !== undefined && parents[0].has(s.parentId) && parents[1].has(s.parentId));
    const ids = new Set([...left.keys(), ...right.keys()]);
    compared[kind] = ids.size;
    for (const id of ids) {
      const l = left.get(id);
      const r = right.get(id);
      const s = (l ?? r)!;
      if (!inBothParents(s)) continue;
      const position = {
        ...(l?.position !== undefined ? { before: l.position } : {}),
        ...(r?.position !== undefined ? { after: r.position } : {}),
      };
      const base = {
        kind,
        id,
        ref: s.ref,
        ...(Object.keys(position).length > 0 ? { position } : {}),
        ...(l ? { before: l.raw } : {}),
        ...(r ? { after: r.raw } : {}),
      };
      if (!l || !r) {
        changes.push({ ...base, status: l ? 'removed' : 'added', fields: [] });
        continue;
      }
      const fields = diffJson(l.value, r.value);
      if (fields.length > 0) changes.push({ ...base, status: 'changed', fields });
    }
    if (kind === 'route') addMoves(left, right, changes);
  }

  changes.sort(compareChanges);
  return { changes, compared, skipped, identical: changes.length === 0 };
}

/** Routes both virtual hosts have, in a different relative order: Envoy takes the first match. */
function addMoves(
  left: Map<string, Subject>,
  right: Map<string, Subject>,
  changes: ObjectChange[],
): void {
  const groups = new Map<string, [string[], string[]]>();
  const add = (m: Map<string, Subject>, side: 0 | 1, other: Map<string, Subject>): void => {
    const sorted = [...m.values()].sort((x, y) => (x.position ?? 0) - (y.position ?? 0));
    for (const s of sorted) {
      if (!other.has(s.id) || s.parentId === undefined) continue;
      const g = groups.get(s.parentId) ?? [[], []];
      g[side].push(s.id);
      groups.set(s.parentId, g);
    }
  };
  add(left, 0, right);
  add(right, 1, left);
  for (const [ka, kb] of groups.values()) {
    const kept = new Set(lcsPairs(ka, kb).map(([i]) => ka[i]));
    for (const id of ka) {
      if (kept.has(id)) continue;
      const l = left.get(id)!;
      const r = right.get(id)!;
      const move = {
        path: 'position',
        op: 'moved' as const,
        before: l.position ?? 0,
        after: r.position ?? 0,
      };
      const existing = changes.find((c) => c.kind === 'route' && c.id === id);
      if (existing) existing.fields.unshift(move);
      else
        changes.push({
          kind: 'route',
          id,
          ref: l.ref,
          status: 'changed',
          fields: [move],
          position: { before: move.before, after: move.after },
          before: l.raw,
          after: r.raw,
        });
    }
  }
}

const RANK = new Map(DIFF_KINDS.map((k, i) => [k, i]));

function sortKey(c: ObjectChange): string {
  // Routes sort by virtual host, then by position; everything else by identity.
  if (c.ref.kind === 'route') {
    const pos = String(c.position?.after ?? c.position?.before ?? 0).padStart(6, '0');
    return `${c.ref.routeConfig}\u0000${c.ref.virtualHost}\u0000${pos}\u0000${c.id}`;
  }
  return c.id;
}

function compareChanges(x: ObjectChange, y: ObjectChange): number {
  const r = (RANK.get(x.kind) ?? 0) - (RANK.get(y.kind) ?? 0);
  if (r !== 0) return r;
  const kx = sortKey(x);
  const ky = sortKey(y);
  return kx < ky ? -1 : kx > ky ? 1 : 0;
}
