/** Istio's Bookinfo sample: its four services and the classic routing rules, as demo-mesh specs. */
import type { DemoDestinationRule, DemoGateway, DemoVirtualService } from './model';
import { port, type ServiceSpec } from './serviceSpec';

/** The application namespace. */
export const BOOKINFO_NAMESPACE = 'bookinfo';
const ns = BOOKINFO_NAMESPACE;
const host = (name: string): string => `${name}.${ns}.svc.cluster.local`;

/** productpage, details, reviews (v1, v2, v3) and ratings, all on port 9080 named `http`. */
export function bookinfoServiceSpecs(replicas: number): ServiceSpec[] {
  const spec = (name: string, versions: string[]): ServiceSpec => ({
    name,
    namespace: ns,
    ports: [port('http', 9080)],
    versions,
    serviceAccount: `bookinfo-${name}`,
    replicas,
    proxyType: 'sidecar',
  });
  return [
    spec('productpage', ['v1']),
    spec('details', ['v1']),
    spec('reviews', ['v1', 'v2', 'v3']),
    spec('ratings', ['v1']),
  ];
}

/** `destination-rule-all.yaml`, restricted to the versions that are deployed. */
export function bookinfoDestinationRules(): DemoDestinationRule[] {
  const dr = (name: string, versions: string[]): DemoDestinationRule => ({
    name,
    namespace: ns,
    host: name,
    subsets: versions.map((v) => ({ name: v, labels: { version: v } })),
  });
  // Not in the sample: ratings gets circuit breaking, so the demo shows outlier detection too.
  const ratings: DemoDestinationRule = {
    ...dr('ratings', ['v1']),
    trafficPolicy: {
      connectionPool: {
        tcp: { maxConnections: 100 },
        http: { http1MaxPendingRequests: 10, maxRetries: 3 },
      },
      outlierDetection: {
        consecutive5xxErrors: 5,
        interval: '10s',
        baseEjectionTime: '30s',
        maxEjectionPercent: 50,
      },
    },
  };
  return [
    dr('productpage', ['v1']),
    dr('details', ['v1']),
    dr('reviews', ['v1', 'v2', 'v3']),
    ratings,
  ];
}

/**
 * The routing everyone demos: user `jason` sees reviews v2 (black stars), everyone else is split
 * between v1 and v3; ratings retries and times out; details has a 10s timeout.
 */
export function bookinfoVirtualServices(): DemoVirtualService[] {
  return [
    {
      name: 'bookinfo',
      namespace: ns,
      hosts: ['*'],
      gateways: [`${ns}/bookinfo-gateway`],
      http: [
        {
          match: [
            { uri: { exact: '/productpage' } },
            { uri: { prefix: '/static' } },
            { uri: { exact: '/login' } },
            { uri: { exact: '/logout' } },
            { uri: { prefix: '/api/v1/products' } },
          ],
          route: [{ host: host('productpage'), port: 9080 }],
        },
      ],
    },
    {
      name: 'reviews',
      namespace: ns,
      hosts: ['reviews'],
      http: [
        {
          name: 'jason',
          match: [{ headers: { 'end-user': 'jason' } }],
          route: [{ host: host('reviews'), port: 9080, subset: 'v2' }],
        },
        {
          name: 'split-v1-v3',
          route: [
            { host: host('reviews'), port: 9080, subset: 'v1', weight: 50 },
            { host: host('reviews'), port: 9080, subset: 'v3', weight: 50 },
          ],
        },
      ],
    },
    {
      name: 'ratings',
      namespace: ns,
      hosts: ['ratings'],
      http: [
        {
          route: [{ host: host('ratings'), port: 9080, subset: 'v1' }],
          timeout: '6s',
          retries: { attempts: 3, perTryTimeout: '2s', retryOn: '5xx,connect-failure,reset' },
        },
      ],
    },
    {
      name: 'details',
      namespace: ns,
      hosts: ['details'],
      http: [{ route: [{ host: host('details'), port: 9080, subset: 'v1' }], timeout: '10s' }],
    },
  ];
}

/** `bookinfo-gateway`: HTTP on port 80 of the default ingress gateway, any host. */
export function bookinfoGateways(): DemoGateway[] {
  return [
    {
      name: 'bookinfo-gateway',
      namespace: ns,
      selector: { istio: 'ingressgateway' },
      servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['*'] }],
    },
  ];
}
