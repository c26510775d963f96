import type { StringMatch } from '@meshlens/configdump';
import { re2FullMatch } from './re2';

/** Result of testing one matcher: whether it matched and a sentence saying why. */
export interface MatchOutcome {
  matched: boolean;
  reason: string;
}

/** Human form of a string matcher, e.g. `prefix "/api"` or `regex "^/v\d+$"`. */
export function describeStringMatch(m: StringMatch): string {
  const ic = m.ignoreCase && m.kind !== 'safe_regex' ? ' (ignore case)' : '';
  return m.kind === 'safe_regex'
    ? `regex ${JSON.stringify(m.regex)}`
    : `${m.kind} ${JSON.stringify(m.value)}${ic}`;
}

/** Envoy's `StringMatcherImpl::match`; `ignore_case` does not apply to `safe_regex`. */
export function matchString(m: StringMatch, value: string): MatchOutcome {
  const desc = describeStringMatch(m);
  if (m.kind === 'safe_regex') {
    const r = re2FullMatch(m.regex, value);
    if (!r.ok) return { matched: false, reason: `${desc} is not a valid RE2 regex (${r.error})` };
    return {
      matched: r.matched,
      reason: `${JSON.stringify(value)} ${r.matched ? 'fully matches' : 'does not fully match'} ${desc}`,
    };
  }
  const v = m.ignoreCase ? value.toLowerCase() : value;
  const want = m.ignoreCase ? m.value.toLowerCase() : m.value;
  let matched: boolean;
  switch (m.kind) {
    case 'exact':
      matched = v === want;
      break;
    case 'prefix':
      matched = v.startsWith(want);
      break;
    case 'suffix':
      matched = v.endsWith(want);
      break;
    case 'contains':
      matched = v.includes(want);
      break;
  }
  return {
    matched,
    reason: `${JSON.stringify(value)} ${matched ? 'matches' : 'does not match'} ${desc}`,
  };
}
