import { bool, obj, str } from './fields';
import type { JsonObject, StringMatch } from './model';

/** Reads an `envoy.type.matcher.v3.StringMatcher`. */
export function parseStringMatch(m: JsonObject): StringMatch | undefined {
  const ignoreCase = bool(m, 'ignore_case') ?? false;
  for (const kind of ['exact', 'prefix', 'suffix', 'contains'] as const) {
    const value = str(m, kind);
    if (value !== undefined) return { kind, value, ignoreCase };
  }
  const safe = obj(m, 'safe_regex');
  if (safe) return { kind: 'safe_regex', regex: str(safe, 'regex') ?? '', ignoreCase };
  // v2 `regex` (std::regex); kept as a regex match, the closest model form.
  const legacy = str(m, 'regex');
  if (legacy !== undefined) return { kind: 'safe_regex', regex: legacy, ignoreCase };
  return undefined;
}
