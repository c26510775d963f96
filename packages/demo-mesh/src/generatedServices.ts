/**
 * Extra services `svc-001` ... that make the mesh as large as asked, deterministic from the seed.
 * Names are unique across the mesh although the services live in several team namespaces.
 */
import type {
  DemoDestinationRule,
  DemoHttpRoute,
  DemoRouteDestination,
  DemoServicePort,
  DemoVirtualService,
} from './model';
import type { Random } from './random';
import { port, type ServiceSpec } from './serviceSpec';

/** Name of the i-th generated service (1-based, at least three digits). */
export function generatedServiceName(i: number): string {
  return `svc-${String(i).padStart(3, '0')}`;
}

/**
 * Ports like a microservice fleet's: most services serve HTTP on 8080 plus gRPC and/or an admin
 * port; some are databases (plain TCP, their own `<ip>_<port>` listener). About 2 ports on average.
 */
function randomPorts(random: Random): DemoServicePort[] {
  const roll = random.next();
  if (roll < 0.35) return [port('http', 8080), port('grpc', 9090)];
  if (roll < 0.55) return [port('http', 8080), port('http-admin', 8081), port('grpc', 9090)];
  if (roll < 0.7) return [port('http', 8080)];
  if (roll < 0.8) return [port('http', 8080), port('http-admin', 8081)];
  if (roll < 0.9) return [port('tcp-postgres', 5432)];
  return [port('http', 8080), port('tcp', 9000)];
}

/** Pods per version when not fixed: mostly 1, some deployments scaled to 2 or 3. */
function randomReplicas(random: Random): number {
  const roll = random.next();
  return roll < 0.7 ? 1 : roll < 0.95 ? 2 : 3;
}

/** Specs of the generated services, one per entry of `namespaces` (the i-th goes into `namespaces[i]`). */
export function generatedServiceSpecs(
  random: Random,
  namespaces: readonly string[],
  options: { versions?: number; replicas?: number },
): ServiceSpec[] {
  const specs: ServiceSpec[] = [];
  for (const [index, namespace] of namespaces.entries()) {
    const i = index + 1;
    const name = generatedServiceName(i);
    const r = random.fork(name);
    const versionCount = options.versions ?? r.int(1, 3);
    const ports = randomPorts(r);
    const replicas = options.replicas ?? randomReplicas(r);
    specs.push({
      name,
      namespace,
      ports,
      versions: Array.from({ length: versionCount }, (_, v) => `v${v + 1}`),
      serviceAccount: name,
      replicas,
      proxyType: 'sidecar',
    });
  }
  return specs;
}

/** Every generated service gets a DestinationRule with one subset per version; about 1 in 5 also circuit-breaks. */
export function generatedDestinationRules(
  random: Random,
  specs: readonly ServiceSpec[],
): DemoDestinationRule[] {
  return specs.map((s) => {
    const r = random.fork(`dr:${s.name}`);
    const dr: DemoDestinationRule = {
      name: s.name,
      namespace: s.namespace,
      host: s.name,
      subsets: s.versions.map((v) => ({ name: v, labels: { version: v } })),
    };
    if (r.next() < 0.2) {
      dr.trafficPolicy = {
        connectionPool: {
          tcp: { maxConnections: 10 * r.int(1, 50) },
          http: { http1MaxPendingRequests: r.int(1, 100) },
        },
        outlierDetection: {
          consecutive5xxErrors: r.int(1, 10),
          interval: `${r.int(1, 30)}s`,
          baseEjectionTime: `${r.int(1, 5) * 30}s`,
        },
      };
    }
    return dr;
  });
}

/** Timeouts and retries a team would set on a route, sometimes neither. */
function routePolicy(r: Random): Pick<DemoHttpRoute, 'timeout' | 'retries'> {
  const out: Pick<DemoHttpRoute, 'timeout' | 'retries'> = {};
  if (r.next() < 0.5) out.timeout = `${r.int(1, 30)}s`;
  if (r.next() < 0.4) {
    out.retries = {
      attempts: r.int(1, 5),
      perTryTimeout: `${r.int(1, 10)}s`,
      retryOn: '5xx,reset',
    };
  }
  return out;
}

/**
 * VirtualServices of the generated services with an HTTP port, all on their first HTTP port
 * (`match.port`), so other ports keep the default route:
 * - most multi-version services: `x-canary: true` pins the newest version, `/api/v2` goes to it
 *   (with retries), the rest is a weighted canary (newest takes 5-50%, v1 the remainder);
 * - about half the single-version services: an `/admin` route with a short timeout and a
 *   default route with a timeout and/or retries.
 */
export function generatedVirtualServices(
  random: Random,
  specs: readonly ServiceSpec[],
): DemoVirtualService[] {
  const out: DemoVirtualService[] = [];
  for (const s of specs) {
    const r = random.fork(`vs:${s.name}`);
    const httpPort = s.ports.find((p) => p.protocol !== 'TCP');
    const newest = s.versions[s.versions.length - 1];
    if (!httpPort || !newest) continue;
    const host = `${s.name}.${s.namespace}.svc.cluster.local`;
    const on = httpPort.port;
    const to = (subset: string, weight?: number): DemoRouteDestination => ({
      host,
      port: on,
      subset,
      ...(weight !== undefined ? { weight } : {}),
    });
    const http: DemoHttpRoute[] = [];
    if (s.versions.length >= 2 && r.next() < 0.85) {
      const canary = 5 * r.int(1, 10);
      http.push({
        name: 'canary-header',
        match: [{ headers: { 'x-canary': 'true' }, port: on }],
        route: [to(newest)],
      });
      if (r.next() < 0.6) {
        http.push({
          name: 'api-v2',
          match: [{ uri: { prefix: '/api/v2' }, port: on }],
          route: [to(newest)],
          retries: { attempts: r.int(2, 5), perTryTimeout: `${r.int(1, 5)}s`, retryOn: '5xx' },
        });
      }
      http.push({
        name: 'canary',
        match: [{ port: on }],
        route: [to('v1', 100 - canary), to(newest, canary)],
        ...routePolicy(r),
      });
    } else if (r.next() < 0.5) {
      http.push({
        name: 'admin',
        match: [{ uri: { prefix: '/admin' }, port: on }],
        route: [to(newest)],
        timeout: `${r.int(1, 5)}s`,
      });
      http.push({ name: 'default', match: [{ port: on }], route: [to(newest)], ...routePolicy(r) });
    } else continue;
    out.push({ name: s.name, namespace: s.namespace, hosts: [s.name], http });
  }
  return out;
}
