import type { JsonObject, JsonValue } from '@meshlens/configdump';

// The config-dump model does not carry every routing field (header mutations, virtual clusters,
// route metadata, vhost-level options). The tracer reads those from the object's `raw` JSON here,
// accepting both snake_case (Envoy) and camelCase (jsonpb) keys, like the model's own reader.

// Keys are a small fixed set of field names, so their camelCase forms are memoised (the regex
// replace showed up as the tracer's top cost on large dumps).
const camelCache = new Map<string, string>();

function toCamel(snake: string): string {
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

/** The value of `key` (snake_case) or its camelCase twin. */
export function rawField(o: JsonValue | undefined, key: string): JsonValue | undefined {
  if (!isObject(o)) return undefined;
  if (Object.prototype.hasOwnProperty.call(o, key)) return o[key];
  const c = toCamel(key);
  if (c !== key && Object.prototype.hasOwnProperty.call(o, c)) return o[c];
  return undefined;
}

/** An object-valued field. */
export function rawObj(o: JsonValue | undefined, key: string): JsonObject | undefined {
  const v = rawField(o, key);
  return isObject(v) ? v : undefined;
}

/** The object entries of an array-valued field. */
export function rawObjArr(o: JsonValue | undefined, key: string): JsonObject[] {
  const v = rawField(o, key);
  return Array.isArray(v) ? v.filter(isObject) : [];
}

/** The string entries of an array-valued field. */
export function rawStrArr(o: JsonValue | undefined, key: string): string[] {
  const v = rawField(o, key);
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** A string-valued field. */
export function rawStr(o: JsonValue | undefined, key: string): string | undefined {
  const v = rawField(o, key);
  return typeof v === 'string' ? v : undefined;
}

/** A number, a decimal string (proto3 64-bit ints) or a `{ "value": n }` wrapper. */
export function toNumber(v: JsonValue | undefined): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    return Number.isFinite(n) ? n : undefined;
  }
  if (isObject(v) && Object.prototype.hasOwnProperty.call(v, 'value')) return toNumber(v.value);
  return undefined;
}

/** A numeric field (see `toNumber`). */
export function rawNum(o: JsonValue | undefined, key: string): number | undefined {
  return toNumber(rawField(o, key));
}

/** A boolean or a `BoolValue` wrapper. */
export function rawBool(o: JsonValue | undefined, key: string): boolean | undefined {
  const v = rawField(o, key);
  if (typeof v === 'boolean') return v;
  if (isObject(v) && typeof v.value === 'boolean') return v.value;
  return undefined;
}
