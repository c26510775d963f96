import { describe, expect, it } from 'vitest';
import type { HeaderMatcher } from './model';
import { parseHeaderMatcher, parseRouteMatch } from './parseRouteMatch';

const header = (h: Record<string, unknown>): HeaderMatcher['match'] =>
  parseHeaderMatcher({ name: 'x', ...(h as Record<string, never>) }).match;

describe('parseRouteMatch', () => {
  it('reads each path specifier', () => {
    expect(parseRouteMatch({ prefix: '/a' }).path).toEqual({ kind: 'prefix', value: '/a' });
    expect(parseRouteMatch({ path: '/a' }).path).toEqual({ kind: 'path', value: '/a' });
    expect(parseRouteMatch({ safe_regex: { google_re2: {}, regex: '/a.*' } }).path).toEqual({
      kind: 'safe_regex',
      regex: '/a.*',
    });
    expect(parseRouteMatch({ regex: '/v2.*' }).path).toEqual({ kind: 'regex', regex: '/v2.*' });
    expect(parseRouteMatch({ pathSeparatedPrefix: '/api' }).path).toEqual({
      kind: 'path_separated_prefix',
      value: '/api',
    });
    expect(parseRouteMatch({ connect_matcher: {} }).path).toEqual({ kind: 'connect_matcher' });
    expect(parseRouteMatch({}).path).toEqual({ kind: 'none' });
  });

  it('defaults case_sensitive to true and reads grpc', () => {
    expect(parseRouteMatch({ prefix: '/' }).caseSensitive).toBe(true);
    expect(parseRouteMatch({ prefix: '/', case_sensitive: false }).caseSensitive).toBe(false);
    expect(parseRouteMatch({ prefix: '/', caseSensitive: { value: false } }).caseSensitive).toBe(
      false,
    );
    expect(parseRouteMatch({ prefix: '/', grpc: {} }).grpc).toBe(true);
    expect(parseRouteMatch({ prefix: '/' }).grpc).toBe(false);
  });

  it('reads runtime_fraction with each denominator', () => {
    const rf = (d?: string) =>
      parseRouteMatch({
        prefix: '/',
        runtime_fraction: {
          default_value: { numerator: 5, ...(d ? { denominator: d } : {}) },
          runtime_key: 'k',
        },
      }).runtimeFraction;
    expect(rf()).toEqual({ numerator: 5, denominator: 100, runtimeKey: 'k' });
    expect(rf('TEN_THOUSAND')?.denominator).toBe(10_000);
    expect(rf('MILLION')?.denominator).toBe(1_000_000);
    expect(rf('HUNDRED')?.denominator).toBe(100);
  });

  it('reads query parameter matchers, v3 and v2', () => {
    const q = parseRouteMatch({
      prefix: '/',
      query_parameters: [
        { name: 'a', string_match: { exact: '1' } },
        { name: 'b', present_match: true },
        { name: 'c', value: 'x.*', regex: true },
        { name: 'd', value: 'y' },
        { name: 'e' },
      ],
    }).queryParameters.map((p) => [p.name, p.match]);
    expect(q).toEqual([
      ['a', { kind: 'string', matcher: { kind: 'exact', value: '1', ignoreCase: false } }],
      ['b', { kind: 'present', present: true }],
      ['c', { kind: 'string', matcher: { kind: 'safe_regex', regex: 'x.*', ignoreCase: false } }],
      ['d', { kind: 'string', matcher: { kind: 'exact', value: 'y', ignoreCase: false } }],
      ['e', { kind: 'present', present: true }],
    ]);
  });
});

describe('parseHeaderMatcher', () => {
  it('reads string_match with every StringMatcher form', () => {
    expect(header({ string_match: { exact: 'a', ignore_case: true } })).toEqual({
      kind: 'string',
      matcher: { kind: 'exact', value: 'a', ignoreCase: true },
    });
    for (const kind of ['prefix', 'suffix', 'contains'] as const) {
      expect(header({ string_match: { [kind]: 'v' } })).toEqual({
        kind: 'string',
        matcher: { kind, value: 'v', ignoreCase: false },
      });
    }
    expect(header({ stringMatch: { safeRegex: { regex: 'r+' } } })).toEqual({
      kind: 'string',
      matcher: { kind: 'safe_regex', regex: 'r+', ignoreCase: false },
    });
  });

  it('reads the legacy match fields', () => {
    const s = (kind: string, value: string) => ({
      kind: 'string',
      matcher:
        kind === 'safe_regex'
          ? { kind, regex: value, ignoreCase: false }
          : { kind, value, ignoreCase: false },
    });
    expect(header({ exact_match: 'a' })).toEqual(s('exact', 'a'));
    expect(header({ prefixMatch: 'a' })).toEqual(s('prefix', 'a'));
    expect(header({ suffix_match: 'a' })).toEqual(s('suffix', 'a'));
    expect(header({ contains_match: 'a' })).toEqual(s('contains', 'a'));
    expect(header({ regex_match: 'a.*' })).toEqual(s('safe_regex', 'a.*'));
    expect(header({ safe_regex_match: { regex: 'b.*' } })).toEqual(s('safe_regex', 'b.*'));
    expect(header({ present_match: true })).toEqual({ kind: 'present', present: true });
    expect(header({ range_match: { start: '10', end: 20 } })).toEqual({
      kind: 'range',
      start: 10,
      end: 20,
    });
    expect(header({})).toEqual({ kind: 'any' });
  });

  it('reads invert and treat_missing_header_as_empty', () => {
    const h = parseHeaderMatcher({
      name: 'x-a',
      exact_match: 'b',
      invert_match: true,
      treat_missing_header_as_empty: true,
    });
    expect(h).toMatchObject({ name: 'x-a', invert: true, treatMissingAsEmpty: true });
    expect(parseHeaderMatcher({ name: 'x' })).toMatchObject({
      invert: false,
      treatMissingAsEmpty: false,
    });
  });
});
