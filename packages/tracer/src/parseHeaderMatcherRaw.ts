import type { HeaderMatcher, JsonObject, StringMatch } from '@meshlens/configdump';
import { rawBool, rawField, rawNum, rawObj, rawStr } from './rawFields';

// The config-dump package exposes parsed header matchers only inside routes; virtual clusters and
// router_check assertions carry raw ones, so the tracer reads those into the same model type.

function stringMatcher(sm: JsonObject): StringMatch | undefined {
  const ignoreCase = rawBool(sm, 'ignore_case') ?? false;
  for (const kind of ['exact', 'prefix', 'suffix', 'contains'] as const) {
    const value = rawStr(sm, kind);
    if (value !== undefined) return { kind, value, ignoreCase };
  }
  const regex = rawStr(rawObj(sm, 'safe_regex'), 'regex');
  if (regex !== undefined) return { kind: 'safe_regex', regex, ignoreCase };
  return undefined;
}

/** Reads a raw `HeaderMatcher` (any v2/v3 specifier form) into the model's `HeaderMatcher`. */
export function parseHeaderMatcherRaw(h: JsonObject): HeaderMatcher {
  const base = {
    name: rawStr(h, 'name') ?? '',
    invert: rawBool(h, 'invert_match') ?? false,
    treatMissingAsEmpty: rawBool(h, 'treat_missing_header_as_empty') ?? false,
    raw: h,
  };
  const sm = rawObj(h, 'string_match');
  const s = sm && stringMatcher(sm);
  if (s) return { ...base, match: { kind: 'string', matcher: s } };
  for (const [key, kind] of [
    ['exact_match', 'exact'],
    ['prefix_match', 'prefix'],
    ['suffix_match', 'suffix'],
    ['contains_match', 'contains'],
  ] as const) {
    const value = rawStr(h, key);
    if (value !== undefined)
      return { ...base, match: { kind: 'string', matcher: { kind, value, ignoreCase: false } } };
  }
  const regex = rawStr(rawObj(h, 'safe_regex_match'), 'regex') ?? rawStr(h, 'regex_match');
  if (regex !== undefined)
    return {
      ...base,
      match: { kind: 'string', matcher: { kind: 'safe_regex', regex, ignoreCase: false } },
    };
  const present = rawField(h, 'present_match');
  if (typeof present === 'boolean') return { ...base, match: { kind: 'present', present } };
  const range = rawObj(h, 'range_match');
  if (range)
    return {
      ...base,
      match: { kind: 'range', start: rawNum(range, 'start') ?? 0, end: rawNum(range, 'end') ?? 0 },
    };
  return { ...base, match: { kind: 'any' } };
}
