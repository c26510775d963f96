import type { JsonObject, JsonValue } from './model';

// Envoy prints snake_case; Go's jsonpb (istioctl, egctl) prints camelCase; some files mix both.
// Every field is read through these helpers, which try the snake_case key first and then the
// camelCase one, so the raw object is never copied or re-keyed.

const camelCache = new Map<string, string>();

/** `dynamic_active_clusters` -> `dynamicActiveClusters` (memoised: the set of keys is small). */
export function toCamel(snake: string): string {
  let c = camelCache.get(snake);
  if (c === undefined) {
    c = snake.replace(/_([a-z0-9])/g, (_m, ch: string) => ch.toUpperCase());
    camelCache.set(snake, c);
  }
  return c;
}

/** True for a JSON object (not null, not an array). */
export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The value of `key` (snake_case) or its camelCase twin. Plain property reads (no
 * `hasOwnProperty`) keep this hot path cheap; the keys asked for are Envoy field names, none of
 * which exists on `Object.prototype`, and inherited functions are filtered out anyway.
 */
export function field(o: JsonObject, key: string): JsonValue | undefined {
  const v: unknown = o[key];
  if (v !== undefined) return typeof v === 'function' ? undefined : (v as JsonValue);
  const c = toCamel(key);
  if (c === key) return undefined;
  const w: unknown = o[c];
  return w === undefined || typeof w === 'function' ? undefined : (w as JsonValue);
}

/** True when `key` (either spelling) is present. */
export function has(o: JsonObject, key: string): boolean {
  return field(o, key) !== undefined;
}

/** An object-valued field. */
export function obj(o: JsonObject, key: string): JsonObject | undefined {
  const v = field(o, key);
  return isObject(v) ? v : undefined;
}

/** An array-valued field (empty when absent or not an array). */
export function arr(o: JsonObject, key: string): JsonValue[] {
  const v = field(o, key);
  return Array.isArray(v) ? v : [];
}

/** The object entries of an array-valued field. */
export function objArr(o: JsonObject, key: string): JsonObject[] {
  const out: JsonObject[] = [];
  for (const v of arr(o, key)) if (isObject(v)) out.push(v);
  return out;
}

/**
 * Maps the object entries of an array-valued field (skipping non-objects) into one new array;
 * `index` is the position in the original list. Saves the intermediate array of `objArr().map()`.
 */
export function mapObjs<T>(
  o: JsonObject,
  key: string,
  f: (item: JsonObject, index: number) => T,
): T[] {
  const v = field(o, key);
  const out: T[] = [];
  if (!Array.isArray(v)) return out;
  for (let i = 0; i < v.length; i++) {
    const item = v[i];
    if (isObject(item)) out.push(f(item, i));
  }
  return out;
}

/** A string-valued field. */
export function str(o: JsonObject, key: string): string | undefined {
  const v = field(o, key);
  return typeof v === 'string' ? v : undefined;
}

/** The string entries of an array-valued field. */
export function strArr(o: JsonObject, key: string): string[] {
  const out: string[] = [];
  for (const v of arr(o, key)) if (typeof v === 'string') out.push(v);
  return out;
}

/**
 * A number: a JSON number, a decimal string (proto3 JSON prints 64-bit integers as strings) or a
 * wrapper object `{ "value": n }` (old jsonpb output of `UInt32Value`).
 */
export function toNum(v: JsonValue | undefined): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string') {
    if (v.trim() === '') return undefined;
    const n = Number(v);
    return Number.isFinite(n) ? n : undefined;
  }
  if (isObject(v) && Object.prototype.hasOwnProperty.call(v, 'value')) return toNum(v.value);
  return undefined;
}

/** A numeric field (see `toNum`). */
export function num(o: JsonObject, key: string): number | undefined {
  return toNum(field(o, key));
}

/** A boolean: a JSON boolean or a `BoolValue` wrapper `{ "value": true }`. */
export function toBool(v: JsonValue | undefined): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (isObject(v) && typeof v.value === 'boolean') return v.value;
  return undefined;
}

/** A boolean field (see `toBool`). */
export function bool(o: JsonObject, key: string): boolean | undefined {
  return toBool(field(o, key));
}

/** `@type` of an `Any`, if present. */
export function typeUrl(o: JsonObject): string | undefined {
  const t = o['@type'];
  return typeof t === 'string' ? t : undefined;
}

/** `type.googleapis.com/envoy.config.cluster.v3.Cluster` -> `envoy.config.cluster.v3.Cluster`. */
export function typeName(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const slash = url.lastIndexOf('/');
  return slash >= 0 ? url.slice(slash + 1) : url;
}

/** The last segment of a type name: `envoy.config.cluster.v3.Cluster` -> `Cluster`. */
export function shortTypeName(url: string | undefined): string | undefined {
  const n = typeName(url);
  if (n === undefined) return undefined;
  const dot = n.lastIndexOf('.');
  return dot >= 0 ? n.slice(dot + 1) : n;
}

/**
 * The effective config of an extension: `typed_config` (v3), unwrapping `TypedStruct`
 * (`udpa.type.v1` / `xds.type.v3`, which carries `type_url` + `value`), or the v2 `config` Struct.
 */
export function extensionConfig(o: JsonObject): { typeUrl?: string; config?: JsonObject } {
  const typed = obj(o, 'typed_config');
  if (typed) {
    const t = typeUrl(typed);
    if (t !== undefined && t.endsWith('.TypedStruct')) {
      return { typeUrl: str(typed, 'type_url') ?? t, config: obj(typed, 'value') ?? typed };
    }
    return { typeUrl: t, config: typed };
  }
  const config = obj(o, 'config');
  return config ? { config } : {};
}
