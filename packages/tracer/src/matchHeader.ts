import type { HeaderMatcher } from '@meshlens/configdump';
import { headerJoined, type HeaderList } from './headerList';
import { matchString, describeStringMatch, type MatchOutcome } from './matchString';
import { rawField } from './rawFields';

/** Human form of a header matcher, e.g. `header "end-user" exact "jason"`. */
export function describeHeaderMatcher(h: HeaderMatcher): string {
  const inv = h.invert ? 'NOT ' : '';
  const m = h.match;
  const what =
    m.kind === 'string'
      ? describeStringMatch(m.matcher)
      : m.kind === 'present'
        ? m.present
          ? 'is present'
          : 'is absent'
        : m.kind === 'range'
          ? `in range [${m.start}, ${m.end})`
          : 'is present';
  return `${inv}header ${JSON.stringify(h.name)} ${what}`;
}

function parseInt64(v: string): number | undefined {
  return /^\s*[+-]?\d+\s*$/.test(v) ? Number(v) : undefined;
}

/**
 * Envoy's `HeaderUtility::matchHeaders` for one matcher. A repeated header is tested once, with
 * its values joined by `,`. A missing header never satisfies a value matcher, even inverted,
 * unless `treat_missing_header_as_empty` is set; presence matchers follow `present_match`.
 */
export function matchHeader(h: HeaderMatcher, headers: HeaderList): MatchOutcome {
  const desc = describeHeaderMatcher(h);
  const value = headerJoined(headers, h.name);
  const m = h.match;
  // The deprecated `exact_match: ""` is a presence check, unlike `string_match.exact: ""`.
  const legacyEmptyExact = rawField(h.raw, 'exact_match') === '';
  const presence = m.kind === 'any' || m.kind === 'present' || legacyEmptyExact;
  if (presence) {
    const want = m.kind === 'present' ? m.present : true;
    const matched = ((value !== undefined) === want) !== h.invert;
    const state = value === undefined ? 'absent' : 'present';
    return { matched, reason: `${desc}: header is ${state} -> ${matched ? 'match' : 'no match'}` };
  }
  let tested = value;
  if (tested === undefined) {
    if (!h.treatMissingAsEmpty) {
      return {
        matched: false,
        reason: `${desc}: header is absent -> no match (a missing header never matches a value matcher${h.invert ? ', even inverted' : ''})`,
      };
    }
    tested = '';
  }
  let inner: MatchOutcome;
  if (m.kind === 'string') inner = matchString(m.matcher, tested);
  else if (m.kind === 'range') {
    const n = parseInt64(tested);
    const ok = n !== undefined && n >= m.start && n < m.end;
    inner = {
      matched: ok,
      reason:
        n === undefined
          ? `${JSON.stringify(tested)} is not an integer`
          : `${n} is ${ok ? '' : 'not '}in [${m.start}, ${m.end})`,
    };
  } else inner = { matched: false, reason: 'unsupported matcher' };
  const matched = inner.matched !== h.invert;
  return {
    matched,
    reason: `${desc}: ${inner.reason}${h.invert ? ' (inverted)' : ''} -> ${matched ? 'match' : 'no match'}`,
  };
}

/** All matchers must match; an empty list matches. Stops at the first failure, like Envoy. */
export function matchHeaders(
  matchers: HeaderMatcher[],
  headers: HeaderList,
): MatchOutcome & { details: string[] } {
  const details: string[] = [];
  for (const h of matchers) {
    const r = matchHeader(h, headers);
    details.push(r.reason);
    if (!r.matched) return { matched: false, reason: r.reason, details };
  }
  return {
    matched: true,
    reason: matchers.length === 0 ? 'no header conditions' : 'all header conditions match',
    details,
  };
}
