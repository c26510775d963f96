import type { JsonValue } from '@meshlens/configdump';

/** One changed field of a differing resource, with what each side holds there. */
export interface DiffField {
  /** The field path without its `-` / `+` mark, e.g. `filterChains[0].filters[1]`. */
  path: string;
  /** `changed`: both sides have it with different values; `only_istiod` / `only_envoy`: one side has it. */
  change: 'changed' | 'only_istiod' | 'only_envoy';
  /** The value istiod would send (absent for `only_envoy`). */
  istiod?: JsonValue;
  /** The value the proxy holds (absent for `only_istiod`). */
  envoy?: JsonValue;
}

const camel = (key: string): string =>
  key.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

/**
 * The value at a sync-diff path (`a.b[2].c`, keys in camelCase) in a resource whose keys may be
 * snake_case. Keys can themselves contain dots (`envoy.lb` metadata), so at each object the
 * longest key that matches the rest of the path wins.
 */
export function valueAtPath(root: JsonValue | undefined, path: string): JsonValue | undefined {
  let value = root;
  let rest = path === '(root)' ? '' : path;
  while (rest !== '' && value !== undefined) {
    if (rest.startsWith('[')) {
      const m = /^\[(\d+)\]\.?/.exec(rest);
      if (!m?.[1] || !Array.isArray(value)) return undefined;
      value = value[Number(m[1])];
      rest = rest.slice(m[0].length);
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    let best: { key: string; length: number } | undefined;
    for (const key of Object.keys(value)) {
      const k = camel(key);
      const next = rest.charAt(k.length);
      if (rest.startsWith(k) && (next === '' || next === '.' || next === '[')) {
        if (!best || k.length > best.length) best = { key, length: k.length };
      }
    }
    if (!best) return undefined;
    value = value[best.key];
    rest = rest.slice(best.length);
    if (rest.startsWith('.')) rest = rest.slice(1);
  }
  return value;
}

/** The fields of a `different` sync-diff entry with both sides' values, in the diff's order. */
export function diffFields(
  changedPaths: readonly string[],
  istiod: JsonValue | undefined,
  envoy: JsonValue | undefined,
): DiffField[] {
  return changedPaths.map((raw): DiffField => {
    // `-` = only in istiod's version, `+` = only in the proxy's (indices are that side's).
    if (raw.startsWith('-')) {
      const path = raw.slice(1);
      const v = valueAtPath(istiod, path);
      return { path, change: 'only_istiod', ...(v !== undefined ? { istiod: v } : {}) };
    }
    if (raw.startsWith('+')) {
      const path = raw.slice(1);
      const v = valueAtPath(envoy, path);
      return { path, change: 'only_envoy', ...(v !== undefined ? { envoy: v } : {}) };
    }
    const a = valueAtPath(istiod, raw);
    const b = valueAtPath(envoy, raw);
    return {
      path: raw,
      change: 'changed',
      ...(a !== undefined ? { istiod: a } : {}),
      ...(b !== undefined ? { envoy: b } : {}),
    };
  });
}

/** A value for a table cell: compact JSON, cut at `max` characters. */
export function shortJson(value: JsonValue | undefined, max = 160): string {
  if (value === undefined) return '—';
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
