import type { JsonValue } from '@meshlens/configdump';

/** A service of istiod's registry (`/debug/registryz`). */
export interface RegistryService {
  /** `hostname`, e.g. `reviews.bookinfo.svc.cluster.local` or `*.msn.com`. */
  hostname: string;
  /** `Attributes.Name`. */
  name: string;
  /** `Attributes.Namespace`. */
  namespace: string;
  /** `Attributes.ServiceRegistry`: `Kubernetes`, `External` (ServiceEntry)... */
  registry: string;
  /** `MeshExternal`. */
  meshExternal: boolean;
  /** `ports[]`. */
  ports: { port: number; name?: string; protocol?: string }[];
}

/** Parsed registry, or why the JSON is not a registryz answer. */
export type RegistryzResult =
  { ok: true; services: RegistryService[]; warnings: string[] } | { ok: false; error: string };

const isObj = (v: JsonValue | undefined): v is { [k: string]: JsonValue } =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: JsonValue | undefined): string | undefined =>
  typeof v === 'string' ? v : undefined;

/** Reads istiod's `/debug/registryz` JSON (an array of services). */
export function parseRegistryz(json: JsonValue): RegistryzResult {
  if (!Array.isArray(json)) {
    return {
      ok: false,
      error: 'registryz: expected a JSON array of services (istiod /debug/registryz)',
    };
  }
  const services: RegistryService[] = [];
  const warnings: string[] = [];
  json.forEach((item, i) => {
    const hostname = isObj(item) ? str(item.hostname) : undefined;
    if (!isObj(item) || !hostname) {
      warnings.push(`registryz[${i}]: no hostname, skipped`);
      return;
    }
    const attrs = isObj(item.Attributes) ? item.Attributes : {};
    const ports: RegistryService['ports'] = [];
    for (const p of Array.isArray(item.ports) ? item.ports : []) {
      if (!isObj(p) || typeof p.port !== 'number') continue;
      const name = str(p.name);
      const protocol = str(p.protocol);
      ports.push({ port: p.port, ...(name ? { name } : {}), ...(protocol ? { protocol } : {}) });
    }
    services.push({
      hostname,
      name: str(attrs.Name) ?? hostname,
      namespace: str(attrs.Namespace) ?? '',
      registry: str(attrs.ServiceRegistry) ?? 'unknown',
      meshExternal: item.MeshExternal === true,
      ports,
    });
  });
  return { ok: true, services, warnings };
}
