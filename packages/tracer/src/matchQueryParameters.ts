import type { QueryParameterMatcher } from '@meshlens/configdump';
import { matchString, type MatchOutcome } from './matchString';

/**
 * The query parameters of a `:path` as Envoy's router sees them: text after the first `?` (up to
 * `#`), split on `&`, NOT percent-decoded; the first occurrence of a key wins.
 */
export function parseQuery(path: string): Map<string, string> {
  const out = new Map<string, string>();
  const q = path.indexOf('?');
  if (q < 0) return out;
  let query = path.slice(q + 1);
  const hash = query.indexOf('#');
  if (hash >= 0) query = query.slice(0, hash);
  for (const item of query.split('&')) {
    if (item === '') continue;
    const eq = item.indexOf('=');
    const key = eq < 0 ? item : item.slice(0, eq);
    const value = eq < 0 ? '' : item.slice(eq + 1);
    if (!out.has(key)) out.set(key, value);
  }
  return out;
}

/**
 * Envoy's `ConfigUtility::matchQueryParams`. `present_match: false` means "absent" in current
 * Envoy (runtime guard `enable_new_query_param_present_match_behavior`); older builds treated any
 * `present_match` as "present" - `legacyPresentMatch` selects that behaviour.
 */
export function matchQueryParameters(
  matchers: QueryParameterMatcher[],
  path: string,
  legacyPresentMatch = false,
): MatchOutcome {
  const params = parseQuery(path);
  for (const q of matchers) {
    const value = params.get(q.name);
    const label = `query parameter ${JSON.stringify(q.name)}`;
    if (q.match.kind === 'present') {
      const wantPresent = legacyPresentMatch ? true : q.match.present;
      if ((value !== undefined) !== wantPresent) {
        return {
          matched: false,
          reason: `${label} must be ${wantPresent ? 'present' : 'absent'} but is ${value === undefined ? 'absent' : 'present'}`,
        };
      }
      continue;
    }
    if (value === undefined) return { matched: false, reason: `${label} is absent` };
    const r = matchString(q.match.matcher, value);
    if (!r.matched) return { matched: false, reason: `${label}: ${r.reason}` };
  }
  return {
    matched: true,
    reason: matchers.length === 0 ? 'no query conditions' : 'all query parameter conditions match',
  };
}
