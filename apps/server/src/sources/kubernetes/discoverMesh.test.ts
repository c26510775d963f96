import type { V1Pod } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { discoverIstiods, discoverProxies, meshNamespaces } from './discoverMesh';

type PodSpec = {
  name: string;
  namespace?: string;
  phase?: string;
  labels?: Record<string, string>;
  containers?: { name: string; image?: string; args?: string[] }[];
  initContainers?: { name: string; image?: string; restartPolicy?: string }[];
  deleting?: boolean;
};

/** A pod object as the API server returns it (only the fields discovery reads). */
function pod(p: PodSpec): V1Pod {
  return {
    metadata: {
      name: p.name,
      namespace: p.namespace ?? 'default',
      labels: p.labels ?? {},
      ...(p.deleting ? { deletionTimestamp: new Date('2026-01-01T00:00:00Z') } : {}),
    },
    spec: {
      containers: p.containers ?? [{ name: 'app' }],
      ...(p.initContainers ? { initContainers: p.initContainers } : {}),
    },
    status: { phase: p.phase ?? 'Running', podIP: '10.0.0.1' },
  };
}

const proxy = {
  name: 'istio-proxy',
  image: 'docker.io/istio/proxyv2:1.24.2',
  args: ['proxy', 'sidecar'],
};

describe('discoverProxies', () => {
  it('keeps running pods with an istio-proxy container, typed and versioned, sorted by id', () => {
    const found = discoverProxies([
      pod({
        name: 'reviews-v1-x',
        namespace: 'bookinfo',
        containers: [{ name: 'reviews' }, proxy],
      }),
      pod({ name: 'no-mesh', containers: [{ name: 'app' }] }),
      pod({
        name: 'istio-ingressgateway-1',
        namespace: 'istio-system',
        labels: { istio: 'ingressgateway' },
        containers: [
          {
            name: 'istio-proxy',
            image: 'gcr.io/istio-release/proxyv2:1.22.0-distroless',
            args: ['proxy', 'router'],
          },
        ],
      }),
      pod({
        name: 'waypoint-abc',
        namespace: 'bookinfo',
        labels: { 'gateway.istio.io/managed': 'istio.io-mesh-controller' },
        containers: [{ name: 'istio-proxy', image: 'istio/proxyv2@sha256:abc' }],
      }),
      // Istio >= 1.19 native sidecar: the proxy is an init container with restartPolicy Always.
      pod({
        name: 'native-1',
        containers: [{ name: 'app' }],
        initContainers: [
          { name: 'istio-proxy', image: 'istio/proxyv2:1.25.0', restartPolicy: 'Always' },
        ],
      }),
      // istio-init (no restartPolicy) is not a proxy.
      pod({ name: 'only-init', initContainers: [{ name: 'istio-proxy' }] }),
      pod({ name: 'pending', containers: [proxy], phase: 'Pending' }),
      pod({ name: 'leaving', containers: [proxy], deleting: true }),
    ]);
    expect(found.map((p) => [p.id, p.type, p.istioVersion ?? '-'])).toEqual([
      ['istio-ingressgateway-1.istio-system', 'router', '1.22.0'],
      ['native-1.default', 'sidecar', '1.25.0'],
      ['reviews-v1-x.bookinfo', 'sidecar', '1.24.2'],
      ['waypoint-abc.bookinfo', 'waypoint', '-'],
    ]);
    expect(meshNamespaces(found)).toEqual(['bookinfo', 'default', 'istio-system']);
  });

  it('types Gateway API gateways as routers', () => {
    const [gw] = discoverProxies([
      pod({
        name: 'gw-1',
        labels: { 'gateway.networking.k8s.io/gateway-name': 'gw' },
        containers: [{ name: 'istio-proxy' }],
      }),
    ]);
    expect(gw?.type).toBe('router');
  });
});

describe('discoverIstiods', () => {
  it('finds running istiod pods (app=istiod or istio=pilot) with their revision', () => {
    const found = discoverIstiods([
      pod({
        name: 'istiod-1',
        namespace: 'istio-system',
        labels: { app: 'istiod', 'istio.io/rev': 'canary' },
      }),
      pod({ name: 'istio-pilot-1', namespace: 'istio-system', labels: { istio: 'pilot' } }),
      pod({
        name: 'istiod-dead',
        namespace: 'istio-system',
        labels: { app: 'istiod' },
        phase: 'Failed',
      }),
      pod({ name: 'productpage', labels: { app: 'productpage' } }),
    ]);
    expect(found).toEqual([
      { name: 'istio-pilot-1', namespace: 'istio-system', revision: 'default' },
      { name: 'istiod-1', namespace: 'istio-system', revision: 'canary' },
    ]);
  });
});
