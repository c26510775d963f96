import type { JsonObject, JsonValue } from '@meshlens/configdump';
import type { DebugResult } from './model';
import { readDebugArray } from './parseJsonText';

/** An Istio config object istiod holds (`/debug/configz`). */
export interface IstioConfigObject {
  /** `kind`, e.g. `VirtualService`. */
  kind: string;
  /** `apiVersion`, e.g. `networking.istio.io/v1beta1`. */
  apiVersion: string;
  name: string;
  namespace: string;
  /** The whole object as istiod printed it (spec, labels...). */
  raw: JsonObject;
}

const isObject = (v: JsonValue | undefined): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads `/debug/configz` (text or parsed JSON): every object, sorted by kind, namespace, name. */
export function parseConfigz(input: string | JsonValue): DebugResult<IstioConfigObject[]> {
  const read = readDebugArray(
    input,
    'the istiod /debug/configz output',
    'istiod /debug/configz output: a JSON array of config objects',
  );
  if (!read.ok) return read;
  const value = read.value;
  const objects: IstioConfigObject[] = [];
  for (const entry of value) {
    if (!isObject(entry)) continue;
    const meta = isObject(entry.metadata) ? entry.metadata : {};
    objects.push({
      kind: typeof entry.kind === 'string' ? entry.kind : '',
      apiVersion: typeof entry.apiVersion === 'string' ? entry.apiVersion : '',
      name: typeof meta.name === 'string' ? meta.name : '',
      namespace: typeof meta.namespace === 'string' ? meta.namespace : '',
      raw: entry,
    });
  }
  const key = (o: IstioConfigObject): string => `${o.kind}\u0000${o.namespace}\u0000${o.name}`;
  objects.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return { ok: true, value: objects };
}
