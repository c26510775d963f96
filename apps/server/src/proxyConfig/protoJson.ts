import type { JsonObject, JsonValue } from '@meshlens/configdump';

// istioctl re-marshals every resource with protojson before printing `-o json|yaml`, so Envoy's
// snake_case field names come out lowerCamelCase (`dynamic_active_clusters` -> `dynamicActiveClusters`)
// while the keys of maps and `google.protobuf.Struct` values (node metadata, filter_metadata,
// TypedStruct payloads, Wasm env maps) are data and keep their spelling. We have JSON, not
// descriptors, so the rule is: rename keys that look like proto field names (lower snake_case),
// and leave alone the subtrees that hold Struct data or map keys.

/** `foo_bar_1` -> `fooBar1`, the protobuf JSON name of a field. */
export function toJsonName(field: string): string {
  return field.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

const FIELD_NAME = /^[a-z][a-z0-9]*(_[a-z0-9]+)+$/;

function isObject(v: JsonValue | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// Maps whose keys are data but whose values are messages.
const MESSAGE_MAPS = new Set([
  'typed_filter_metadata',
  'typedFilterMetadata',
  'typed_per_filter_config',
  'typedPerFilterConfig',
]);
// Maps / Struct fields whose whole content is data.
const DATA_FIELDS = new Set([
  'filter_metadata',
  'filterMetadata',
  'key_values',
  'keyValues',
  'per_filter_config',
  'perFilterConfig',
  'labels',
]);
const METADATA_MESSAGE_FIELDS = [
  'filter_metadata',
  'filterMetadata',
  'typed_filter_metadata',
  'typedFilterMetadata',
];

/** True for a `metadata` that is Envoy's `core.Metadata` message rather than a Struct (node metadata). */
function isMetadataMessage(v: JsonValue): boolean {
  return (
    isObject(v) &&
    Object.keys(v).length > 0 &&
    Object.keys(v).every((k) => METADATA_MESSAGE_FIELDS.includes(k))
  );
}

// Any payloads that are Struct data: `TypedStruct.value` and a packed `google.protobuf.Struct`.
function isStructAny(obj: JsonObject): boolean {
  const t = obj['@type'];
  return (
    typeof t === 'string' && (t.endsWith('.TypedStruct') || t.endsWith('/google.protobuf.Struct'))
  );
}

/** Converts a resource to protojson key spelling, keeping data keys as they are. */
export function toProtoJson(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(toProtoJson);
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  const structAny = isStructAny(value);
  for (const [key, v] of Object.entries(value)) {
    const name = FIELD_NAME.test(key) ? toJsonName(key) : key;
    if (DATA_FIELDS.has(key) || (structAny && key === 'value')) {
      out[name] = v;
    } else if (key === 'metadata' && !isMetadataMessage(v)) {
      out[name] = v;
    } else if (key === 'config' && 'name' in value && !('@type' in value)) {
      // The v2 `{ name, config }` form of filters, access logs and transport sockets: a Struct.
      out[name] = v;
    } else if (MESSAGE_MAPS.has(key) && isObject(v)) {
      out[name] = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toProtoJson(x)]));
    } else {
      out[name] = toProtoJson(v);
    }
  }
  return out;
}

/** Drops the `@type` of a top-level resource, which istioctl loses when it unpacks the Any. */
export function withoutType(value: JsonValue): JsonValue {
  if (!isObject(value)) return value;
  const { ['@type']: _dropped, ...rest } = value;
  void _dropped;
  return rest;
}
