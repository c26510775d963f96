import type { JsonObject, JsonValue } from '@meshlens/configdump';
import { isOrderedList } from './listOrder';

/**
 * Fields that change on every push or scrape and say nothing about the configuration
 * (camelCase form; snake_case keys are camelCased before the lookup).
 */
const VOLATILE = new Set(['versionInfo', 'lastUpdated', 'nonce', 'responseNonce', 'stats']);

/** Fields holding certificate or key material whose line wrapping / padding is formatting only. */
const CERT_BYTES = new Set(['inlineBytes', 'inlineString']);

/** Proto field names are lower snake_case; map keys (filter names, labels, metadata) are left alone. */
const PROTO_FIELD = /^[a-z][a-z0-9]*(_[a-z0-9]+)+$/;

/** `connect_timeout` -> `connectTimeout`; other keys unchanged. */
export function camelKey(key: string): string {
  return PROTO_FIELD.test(key)
    ? key.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase())
    : key;
}

/**
 * `type.googleapis.com/envoy.api.v2.Cluster` and `type.googleapis.com/envoy.config.cluster.v3.Cluster`
 * name the same message across API generations: keep only the message name.
 */
export function normalizeTypeUrl(url: string): string {
  const full = url.slice(url.lastIndexOf('/') + 1);
  return full.slice(full.lastIndexOf('.') + 1);
}

/**
 * A copy of a raw xDS value in one canonical spelling: camelCase proto keys, `@type` reduced to
 * the message name, volatile fields dropped, whitespace removed from certificate bytes.
 */
export function normalizeJson(value: JsonValue, key = ''): JsonValue {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'string' && CERT_BYTES.has(key)) return value.replace(/\s+/g, '');
    if (typeof value === 'string' && key === '@type') return normalizeTypeUrl(value);
    return value;
  }
  // Objects normalise the same wherever they sit: a route config, its virtual hosts and their
  // routes are each compared on their own, and share one normalised copy.
  const cached = normalizedCache.get(value);
  if (cached !== undefined) return cached;
  let out: JsonValue;
  if (Array.isArray(value)) out = value.map((v) => normalizeJson(v));
  else {
    const obj: JsonObject = {};
    for (const [k, v] of Object.entries(value)) {
      const ck = camelKey(k);
      if (VOLATILE.has(ck)) continue;
      obj[ck] = normalizeJson(v, ck);
    }
    out = obj;
  }
  normalizedCache.set(value, out);
  return out;
}

const normalizedCache = new WeakMap<object, JsonValue>();

const canonicalCache = new WeakMap<object, string>();

/**
 * Key-order-independent JSON text of a normalised value (memoised per object); lists whose order
 * means nothing to Envoy (`key` is the field holding them) are written sorted.
 */
export function canonicalText(value: JsonValue | undefined, key = ''): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const cached = canonicalCache.get(value);
  if (cached !== undefined) return cached;
  let text: string;
  if (Array.isArray(value)) {
    const items = value.map((v) => canonicalText(v));
    if (!isOrderedList(key)) items.sort();
    text = `[${items.join(',')}]`;
  } else {
    text = `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalText(value[k], k)}`)
      .join(',')}}`;
  }
  canonicalCache.set(value, text);
  return text;
}
