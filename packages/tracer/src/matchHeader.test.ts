import type { HeaderMatcher } from '@meshlens/configdump';
import { describe, expect, it } from 'vitest';
import type { HeaderList } from './headerList';
import { matchHeader } from './matchHeader';
import { parseHeaderMatcherRaw } from './parseHeaderMatcherRaw';

const m = (raw: Record<string, unknown>): HeaderMatcher =>
  parseHeaderMatcherRaw(JSON.parse(JSON.stringify(raw)) as never);
const present: HeaderList = [
  ['x-a', 'v1'],
  ['X-A', 'v2'],
  ['n', '42'],
];
const none: HeaderList = [];

describe('matchHeader (Envoy decision table)', () => {
  it('joins repeated headers with a comma', () => {
    expect(matchHeader(m({ name: 'x-a', string_match: { exact: 'v1,v2' } }), present).matched).toBe(
      true,
    );
    expect(matchHeader(m({ name: 'x-a', string_match: { exact: 'v1' } }), present).matched).toBe(
      false,
    );
  });
  it('never matches a missing header with a value matcher, even inverted', () => {
    expect(
      matchHeader(m({ name: 'x-a', string_match: { exact: 'v' }, invert_match: true }), none)
        .matched,
    ).toBe(false);
    expect(
      matchHeader(m({ name: 'x-a', string_match: { exact: 'v' }, invert_match: true }), [
        ['x-a', 'w'],
      ]).matched,
    ).toBe(true);
  });
  it('treat_missing_header_as_empty tests the empty string', () => {
    expect(
      matchHeader(
        m({ name: 'x-a', string_match: { exact: '' }, treat_missing_header_as_empty: true }),
        none,
      ).matched,
    ).toBe(true);
  });
  it('handles presence: none set, present_match true/false, inverted', () => {
    expect(matchHeader(m({ name: 'x-a' }), present).matched).toBe(true);
    expect(matchHeader(m({ name: 'x-a' }), none).matched).toBe(false);
    expect(matchHeader(m({ name: 'x-a', invert_match: true }), none).matched).toBe(true);
    expect(matchHeader(m({ name: 'x-a', present_match: false }), none).matched).toBe(true);
    expect(
      matchHeader(m({ name: 'x-a', present_match: true, invert_match: true }), present).matched,
    ).toBe(false);
  });
  it('treats the deprecated exact_match "" as presence, unlike string_match exact ""', () => {
    expect(matchHeader(m({ name: 'x-a', exact_match: '' }), present).matched).toBe(true);
    expect(matchHeader(m({ name: 'x-a', string_match: { exact: '' } }), present).matched).toBe(
      false,
    );
  });
  it('range_match is half-open on a whole integer', () => {
    expect(matchHeader(m({ name: 'n', range_match: { start: 0, end: 42 } }), present).matched).toBe(
      false,
    );
    expect(
      matchHeader(m({ name: 'n', range_match: { start: 42, end: 43 } }), present).matched,
    ).toBe(true);
    expect(
      matchHeader(m({ name: 'x-a', range_match: { start: 0, end: 100 } }), present).matched,
    ).toBe(false);
  });
  it('uses RE2 full-match semantics and ignore_case on non-regex matchers only', () => {
    expect(
      matchHeader(m({ name: 'n', string_match: { safe_regex: { regex: '4' } } }), present).matched,
    ).toBe(false);
    expect(
      matchHeader(m({ name: 'n', string_match: { safe_regex: { regex: '\\d+' } } }), present)
        .matched,
    ).toBe(true);
    expect(
      matchHeader(m({ name: 'x-a', string_match: { prefix: 'V1', ignore_case: true } }), present)
        .matched,
    ).toBe(true);
    // Look-ahead is not RE2: the matcher fails (Envoy would reject the config), it does not match.
    expect(
      matchHeader(m({ name: 'n', string_match: { safe_regex: { regex: '(?=4)42' } } }), present)
        .matched,
    ).toBe(false);
  });
});
