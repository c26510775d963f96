/**
 * Extra services `svc-001` ... that make the mesh as large as asked, deterministic from the seed.
 * Names are unique across the mesh although the services live in several team namespaces.
 */
import type { DemoDestinationRule, DemoServicePort, DemoVirtualService } from './model';
import type { Random } from './random';
import { port, type ServiceSpec } from './serviceSpec';

/** Name of the i-th generated service (1-based, at least three digits). */
export function generatedServiceName(i: number): string {
  return `svc-${String(i).padStart(3, '0')}`;
}

/** Mostly HTTP on 8080; some gRPC, some plain TCP (which get their own `<ip>_<port>` listener). */
function randomPorts(random: Random): DemoServicePort[] {
  const roll = random.next();
  if (roll < 0.75) return [port('http', 8080)];
  if (roll < 0.85) return [port('grpc', 9090)];
  if (roll < 0.95) return [port('tcp-postgres', 5432)];
  return [port('http', 8080), port('tcp', 9000)];
}

/** Specs of the generated services, one per entry of `namespaces` (the i-th goes into `namespaces[i]`). */
export function generatedServiceSpecs(
  random: Random,
  namespaces: readonly string[],
  options: { versions?: number; replicas: number },
): ServiceSpec[] {
  const specs: ServiceSpec[] = [];
  for (const [index, namespace] of namespaces.entries()) {
    const i = index + 1;
    const name = generatedServiceName(i);
    const r = random.fork(name);
    const versionCount = options.versions ?? r.int(1, 3);
    specs.push({
      name,
      namespace,
      ports: randomPorts(r),
      versions: Array.from({ length: versionCount }, (_, v) => `v${v + 1}`),
      serviceAccount: name,
      replicas: options.replicas,
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

/**
 * About a third of the multi-version services with an HTTP port get a canary VirtualService:
 * the newest version takes a random 5-50% share, the rest goes to v1.
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
    if (!httpPort || s.versions.length < 2 || !newest || r.next() > 0.34) continue;
    const canary = 5 * r.int(1, 10);
    const host = `${s.name}.${s.namespace}.svc.cluster.local`;
    out.push({
      name: s.name,
      namespace: s.namespace,
      hosts: [s.name],
      http: [
        {
          name: 'canary',
          route: [
            { host, port: httpPort.port, subset: 'v1', weight: 100 - canary },
            { host, port: httpPort.port, subset: newest, weight: canary },
          ],
          timeout: r.next() < 0.5 ? `${r.int(1, 30)}s` : undefined,
        },
      ],
    });
  }
  return out;
}
