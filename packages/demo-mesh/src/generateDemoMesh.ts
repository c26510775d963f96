import type { JsonObject } from '@meshlens/configdump';
import { createAllocator } from './allocator';
import {
  BOOKINFO_NAMESPACE,
  bookinfoDestinationRules,
  bookinfoGateways,
  bookinfoServiceSpecs,
  bookinfoVirtualServices,
} from './bookinfo';
import {
  generatedDestinationRules,
  generatedServiceSpecs,
  generatedVirtualServices,
} from './generatedServices';
import { generateSidecarDump } from './generateSidecarDump';
import { istioSystemServiceSpecs } from './istioSystem';
import type { DemoMesh, DemoMeshOptions, DemoPod, DemoProxy, DemoService } from './model';
import { createRandom, type Random } from './random';
import type { ServiceSpec } from './serviceSpec';
import { teamNamespaces } from './teamNamespaces';

/** The default generation time, so that default output is byte-identical across runs. */
export const DEFAULT_DEMO_NOW = new Date('2026-01-01T00:00:00Z');

const BOOKINFO_SERVICE_COUNT = 4;
// Kubernetes' safe alphabet for generated names (no vowels, no look-alike digits).
const K8S_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

function positiveInt(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value >= 1 ? Math.floor(value) : fallback;
}

function buildPods(
  spec: ServiceSpec,
  random: Random,
  place: () => ReturnType<ReturnType<typeof createAllocator>['placePod']>,
): DemoPod[] {
  const pods: DemoPod[] = [];
  const app = spec.app ?? spec.name;
  const deployments = spec.versions.length > 0 ? spec.versions : [undefined];
  for (const version of deployments) {
    const r = random.fork(`pods:${spec.namespace}/${spec.name}/${version ?? ''}`);
    // pod-template-hash: 9 or 10 characters, shared by the replicas of one deployment.
    const templateHash = r.chars(r.int(9, 10), K8S_ALPHABET);
    const base = version ? `${spec.name}-${version}` : spec.name;
    for (let i = 0; i < spec.replicas; i++) {
      const placement = place();
      const labels: Record<string, string> = { app, ...(version ? { version } : {}) };
      Object.assign(labels, spec.extraLabels, { 'pod-template-hash': templateHash });
      // A small share of generated pods is unhealthy, so health colouring has something to show.
      const health = spec.name.startsWith('svc-') && r.next() < 0.03 ? 'UNHEALTHY' : 'HEALTHY';
      pods.push({
        name: `${base}-${templateHash}-${r.chars(5, K8S_ALPHABET)}`,
        namespace: spec.namespace,
        ip: placement.ip,
        nodeName: placement.nodeName,
        locality: placement.locality,
        labels,
        serviceAccount: spec.serviceAccount,
        health,
        ...(spec.proxyType ? { proxyType: spec.proxyType } : {}),
      });
    }
  }
  return pods;
}

/** A proxy whose `dump` is generated on first access and cached. */
function lazyProxy(mesh: DemoMesh, pod: DemoPod, proxyType: 'sidecar' | 'router'): DemoProxy {
  let cached: JsonObject | undefined;
  const proxy = {
    podName: pod.name,
    namespace: pod.namespace,
    proxyType,
    ip: pod.ip,
    app: pod.labels.app ?? pod.name,
    ...(pod.labels.version ? { version: pod.labels.version } : {}),
    fileName: `${pod.name}.${pod.namespace}.json`,
  };
  Object.defineProperty(proxy, 'dump', {
    enumerable: true,
    get: () => (cached ??= generateSidecarDump(mesh, pod.name)),
  });
  return proxy as DemoProxy;
}

/**
 * Generates the demo mesh: Bookinfo (plus `services - 4` generated services in team namespaces of
 * 25-50 services each), istiod and the
 * ingress gateway, their Istio routing config, and one proxy per pod whose config dump is built
 * lazily. Same options, same output, byte for byte.
 */
export function generateDemoMesh(options: DemoMeshOptions = {}): DemoMesh {
  const seed =
    options.seed !== undefined && Number.isFinite(options.seed) ? Math.trunc(options.seed) : 1;
  const now = options.now ?? DEFAULT_DEMO_NOW;
  const replicas = positiveInt(options.endpointsPerVersion, 1);
  // Without the option, each generated service gets its own replica count from the seed.
  const fixedReplicas = options.endpointsPerVersion !== undefined;
  const extra = Math.max(
    0,
    positiveInt(options.services, BOOKINFO_SERVICE_COUNT) - BOOKINFO_SERVICE_COUNT,
  );
  const random = createRandom(seed);

  const namespaces = teamNamespaces(random.fork('namespaces'), extra);
  const generated = generatedServiceSpecs(random.fork('services'), namespaces, {
    ...(fixedReplicas ? { replicas } : {}),
    ...(options.versions !== undefined ? { versions: positiveInt(options.versions, 1) } : {}),
  });
  const specs = [...bookinfoServiceSpecs(replicas), ...generated, ...istioSystemServiceSpecs()];
  const podCount = specs.reduce((n, s) => n + Math.max(1, s.versions.length) * s.replicas, 0);
  const allocator = createAllocator(random.fork('ips'), podCount);

  const services: DemoService[] = specs.map((spec) => ({
    name: spec.name,
    namespace: spec.namespace,
    hostname: `${spec.name}.${spec.namespace}.svc.cluster.local`,
    clusterIP: allocator.serviceIp(),
    ports: spec.ports,
    versions: spec.versions,
    pods: [],
  }));
  specs.forEach((spec, i) => {
    const service = services[i];
    if (service) service.pods = buildPods(spec, random, () => allocator.placePod());
  });

  const mesh: DemoMesh = {
    namespace: BOOKINFO_NAMESPACE,
    seed,
    now: now.toISOString(),
    trustDomain: 'cluster.local',
    meshId: 'cluster.local',
    clusterId: 'Kubernetes',
    services,
    virtualServices: [
      ...bookinfoVirtualServices(),
      ...generatedVirtualServices(random.fork('virtual-services'), generated),
    ],
    destinationRules: [
      ...bookinfoDestinationRules(),
      ...generatedDestinationRules(random.fork('destination-rules'), generated),
    ],
    gateways: bookinfoGateways(),
    proxies: [],
  };
  const sidecars: DemoProxy[] = [];
  const routers: DemoProxy[] = [];
  for (const service of services) {
    for (const pod of service.pods) {
      if (pod.proxyType === 'sidecar') sidecars.push(lazyProxy(mesh, pod, 'sidecar'));
      else if (pod.proxyType === 'router') routers.push(lazyProxy(mesh, pod, 'router'));
    }
  }
  mesh.proxies = [...sidecars, ...routers];
  return mesh;
}
