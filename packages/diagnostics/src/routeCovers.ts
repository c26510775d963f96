import type { JsonValue, PathMatch, Route } from '@meshlens/configdump';

// Static, conservative: "covers" is only claimed when every request route B accepts is certainly
// accepted by route A. Anything A requires beyond the path must also be required by B.

const MATCH_ALL_REGEX = new Set(['.*', '^.*$', '(.*)', '/.*', '^/.*$', '/.*$', '^/.*']);

function canonical(v: JsonValue): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(v[k] ?? null)}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

function rawList(raw: JsonValue, key: string): string[] {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return [];
  const v = raw[key] ?? raw[key.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase())];
  return Array.isArray(v) ? v.map(canonical) : [];
}

// A's extra conditions (headers, query, tls/metadata/filter state/cookies) must all appear in B.
function conditionsSubset(a: Route, b: Route): boolean {
  for (const key of [
    'headers',
    'query_parameters',
    'dynamic_metadata',
    'filter_state',
    'cookies',
  ]) {
    const bSet = new Set(rawList(b.match.raw, key));
    if (!rawList(a.match.raw, key).every((c) => bSet.has(c))) return false;
  }
  const aRaw = a.match.raw;
  const aTls =
    aRaw !== null && typeof aRaw === 'object' && !Array.isArray(aRaw)
      ? (aRaw.tls_context ?? aRaw.tlsContext)
      : undefined;
  const bRaw = b.match.raw;
  const bTls =
    bRaw !== null && typeof bRaw === 'object' && !Array.isArray(bRaw)
      ? (bRaw.tls_context ?? bRaw.tlsContext)
      : undefined;
  if (aTls !== undefined && (bTls === undefined || canonical(aTls) !== canonical(bTls)))
    return false;
  if (a.match.grpc && !b.match.grpc) return false;
  const rf = a.match.runtimeFraction;
  if (rf && rf.numerator < rf.denominator) return false;
  return true;
}

function hasCasedChars(s: string): boolean {
  return s.toLowerCase() !== s.toUpperCase();
}

/** Whether path matcher A accepts every path B accepts. */
function pathCovers(a: PathMatch, aCs: boolean, b: PathMatch, bCs: boolean): boolean {
  if (b.kind === 'connect_matcher' || b.kind === 'none') return a.kind === b.kind;
  // Every request path starts with "/": an empty or "/" prefix (or a match-all regex) takes all.
  if (a.kind === 'prefix' && (a.value === '' || a.value === '/')) return true;
  if ((a.kind === 'safe_regex' || a.kind === 'regex') && MATCH_ALL_REGEX.has(a.regex)) return true;
  if (b.kind !== 'prefix' && b.kind !== 'path' && b.kind !== 'path_separated_prefix') return false;
  if (a.kind !== 'prefix' && a.kind !== 'path' && a.kind !== 'path_separated_prefix') return false;
  // A case-sensitive A only covers a case-insensitive B when case cannot matter.
  if (aCs && !bCs && (hasCasedChars(a.value) || hasCasedChars(b.value))) return false;
  const norm = (s: string): string => (aCs ? s : s.toLowerCase());
  const p = norm(a.value);
  const q = norm(b.value);
  switch (a.kind) {
    case 'prefix':
      return q.startsWith(p);
    case 'path':
      return b.kind === 'path' && q === p;
    case 'path_separated_prefix':
      return q === p ? b.kind !== 'prefix' : q.startsWith(`${p}/`);
  }
}

/** True when route A (earlier) matches every request route B matches, so B can never be chosen. */
export function routeCovers(a: Route, b: Route): boolean {
  return (
    conditionsSubset(a, b) &&
    pathCovers(a.match.path, a.match.caseSensitive, b.match.path, b.match.caseSensitive)
  );
}
