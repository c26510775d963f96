import type { JsonObject } from '@meshlens/configdump';

/** One generated proxy, as `generateDemoMesh()` of `@meshlens/demo-mesh` returns it. */
export interface DemoMeshProxy {
  podName: string;
  namespace: string;
  proxyType: string;
  ip: string;
  app: string;
  version?: string | undefined;
  fileName: string;
  /** The proxy's `/config_dump`, exactly as its Envoy admin would serve it. */
  dump: JsonObject;
}

/**
 * The part of a generated demo mesh the server uses. Structural, so the server depends only on
 * the generator's output shape (services may be names or objects with a `name`).
 */
export interface DemoMesh {
  namespace: string;
  services: readonly unknown[];
  proxies: readonly DemoMeshProxy[];
}

/** Name of a demo service entry, whichever form the generator used. */
export function demoServiceName(service: unknown): string | undefined {
  if (typeof service === 'string') return service;
  if (typeof service === 'object' && service !== null && 'name' in service) {
    const name = (service as { name: unknown }).name;
    if (typeof name === 'string') return name;
  }
  return undefined;
}
