import type { JsonObject, JsonValue } from '@meshlens/configdump';
import type { DebugResult } from './model';
import { readDebugArray } from './parseJsonText';

/** A service in istiod's registry (`/debug/registryz`, istiod's `model.Service` JSON). */
export interface RegistryService {
  /** `hostname`, e.g. `reviews.bookinfo.svc.cluster.local`. */
  hostname: string;
  /** `Attributes.Name`. */
  name: string;
  /** `Attributes.Namespace`. */
  namespace: string;
  /** `Attributes.ServiceRegistry`: `Kubernetes`, `External` (ServiceEntry)... */
  registry: string;
  /** `ports[]`: name, port, protocol. */
  ports: { name: string; port: number; protocol: string }[];
  /** `defaultAddress` (the cluster VIP; `0.0.0.0` for none). */
  address?: string;
  /** `MeshExternal`: declared by a ServiceEntry with location MESH_EXTERNAL. */
  meshExternal: boolean;
  /** `Resolution`: 0 client-side LB, 1 DNS, 2 passthrough, 3 DNS round robin. */
  resolution?: number;
}

const isObject = (v: JsonValue | undefined): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: JsonValue | undefined): string => (typeof v === 'string' ? v : '');

/** Reads `/debug/registryz` (text or parsed JSON) into services sorted by hostname then namespace. */
export function parseRegistryz(input: string | JsonValue): DebugResult<RegistryService[]> {
  const read = readDebugArray(
    input,
    'the istiod /debug/registryz output',
    'istiod /debug/registryz output: a JSON array of services',
  );
  if (!read.ok) return read;
  const value = read.value;
  const services: RegistryService[] = [];
  for (const entry of value) {
    if (!isObject(entry)) continue;
    const attributes = isObject(entry.Attributes) ? entry.Attributes : {};
    const ports = Array.isArray(entry.ports) ? entry.ports : [];
    const service: RegistryService = {
      hostname: str(entry.hostname),
      name: str(attributes.Name),
      namespace: str(attributes.Namespace),
      registry: str(attributes.ServiceRegistry),
      ports: ports.filter(isObject).map((p) => ({
        name: str(p.name),
        port: typeof p.port === 'number' ? p.port : 0,
        protocol: str(p.protocol),
      })),
      meshExternal: entry.MeshExternal === true,
    };
    if (typeof entry.defaultAddress === 'string') service.address = entry.defaultAddress;
    if (typeof entry.Resolution === 'number') service.resolution = entry.Resolution;
    services.push(service);
  }
  const key = (s: RegistryService): string => `${s.hostname}\u0000${s.namespace}`;
  services.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return { ok: true, value: services };
}
