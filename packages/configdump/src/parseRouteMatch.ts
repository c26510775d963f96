import { bool, field, has, mapObjs, num, obj, str } from './fields';
import type {
  HeaderMatcher,
  JsonObject,
  PathMatch,
  QueryParameterMatcher,
  RouteMatch,
} from './model';
import { parseStringMatch } from './stringMatch';

const DENOMINATORS: Record<string, number> = {
  HUNDRED: 100,
  TEN_THOUSAND: 10_000,
  MILLION: 1_000_000,
  '0': 100,
  '1': 10_000,
  '2': 1_000_000,
};

/** A `FractionalPercent` (`numerator` + `denominator` enum, default HUNDRED). */
export function parseFraction(
  fp: JsonObject | undefined,
): { numerator: number; denominator: number } | undefined {
  if (!fp) return undefined;
  const d = field(fp, 'denominator');
  return {
    numerator: num(fp, 'numerator') ?? 0,
    denominator: DENOMINATORS[String(d ?? 'HUNDRED')] ?? 100,
  };
}

// v2 (and deprecated v3) header match fields, before `string_match` existed.
const LEGACY_HEADER_MATCHES: [string, 'exact' | 'prefix' | 'suffix' | 'contains'][] = [
  ['exact_match', 'exact'],
  ['prefix_match', 'prefix'],
  ['suffix_match', 'suffix'],
  ['contains_match', 'contains'],
];

function parsePath(m: JsonObject): PathMatch {
  const prefix = str(m, 'prefix');
  if (prefix !== undefined) return { kind: 'prefix', value: prefix };
  const path = str(m, 'path');
  if (path !== undefined) return { kind: 'path', value: path };
  const safe = obj(m, 'safe_regex');
  if (safe) return { kind: 'safe_regex', regex: str(safe, 'regex') ?? '' };
  const regex = str(m, 'regex');
  if (regex !== undefined) return { kind: 'regex', regex };
  const sep = str(m, 'path_separated_prefix');
  if (sep !== undefined) return { kind: 'path_separated_prefix', value: sep };
  if (has(m, 'connect_matcher')) return { kind: 'connect_matcher' };
  const policy = obj(m, 'path_match_policy');
  if (policy) return { kind: 'path_match_policy', raw: policy };
  return { kind: 'none' };
}

function headerMatch(h: JsonObject): HeaderMatcher['match'] {
  const sm = obj(h, 'string_match');
  const fromString = sm && parseStringMatch(sm);
  if (fromString) return { kind: 'string', matcher: fromString };
  for (const [key, kind] of LEGACY_HEADER_MATCHES) {
    const value = str(h, key);
    if (value !== undefined) return { kind: 'string', matcher: { kind, value, ignoreCase: false } };
  }
  const safe = obj(h, 'safe_regex_match');
  const regex = safe ? (str(safe, 'regex') ?? '') : str(h, 'regex_match');
  if (regex !== undefined) {
    return { kind: 'string', matcher: { kind: 'safe_regex', regex, ignoreCase: false } };
  }
  const present = bool(h, 'present_match');
  if (present !== undefined) return { kind: 'present', present };
  const range = obj(h, 'range_match');
  if (range) return { kind: 'range', start: num(range, 'start') ?? 0, end: num(range, 'end') ?? 0 };
  return { kind: 'any' };
}

/** One `HeaderMatcher`, with every v2 and v3 specifier form. */
export function parseHeaderMatcher(h: JsonObject): HeaderMatcher {
  return {
    name: str(h, 'name') ?? '',
    invert: bool(h, 'invert_match') ?? false,
    treatMissingAsEmpty: bool(h, 'treat_missing_header_as_empty') ?? false,
    match: headerMatch(h),
    raw: h,
  };
}

function parseQueryParameter(q: JsonObject): QueryParameterMatcher {
  const name = str(q, 'name') ?? '';
  const sm = obj(q, 'string_match');
  const matcher = sm && parseStringMatch(sm);
  if (matcher) return { name, match: { kind: 'string', matcher }, raw: q };
  const present = bool(q, 'present_match');
  if (present !== undefined) return { name, match: { kind: 'present', present }, raw: q };
  // v2: `value` plus a `regex` BoolValue; no value means "present".
  const value = str(q, 'value');
  if (value !== undefined) {
    const kind = bool(q, 'regex') ? 'safe_regex' : 'exact';
    const m =
      kind === 'safe_regex'
        ? ({ kind, regex: value, ignoreCase: false } as const)
        : ({ kind, value, ignoreCase: false } as const);
    return { name, match: { kind: 'string', matcher: m }, raw: q };
  }
  return { name, match: { kind: 'present', present: true }, raw: q };
}

/** Reads a `RouteMatch`. */
export function parseRouteMatch(m: JsonObject | undefined): RouteMatch {
  if (!m) {
    return {
      path: { kind: 'none' },
      caseSensitive: true,
      headers: [],
      queryParameters: [],
      grpc: false,
      raw: null,
    };
  }
  const out: RouteMatch = {
    path: parsePath(m),
    caseSensitive: bool(m, 'case_sensitive') ?? true,
    headers: mapObjs(m, 'headers', parseHeaderMatcher),
    queryParameters: mapObjs(m, 'query_parameters', parseQueryParameter),
    grpc: has(m, 'grpc'),
    raw: m,
  };
  const rf = obj(m, 'runtime_fraction');
  if (rf) {
    const f = parseFraction(obj(rf, 'default_value')) ?? { numerator: 0, denominator: 100 };
    const runtimeKey = str(rf, 'runtime_key');
    out.runtimeFraction =
      runtimeKey === undefined
        ? f
        : { numerator: f.numerator, denominator: f.denominator, runtimeKey };
  }
  return out;
}
