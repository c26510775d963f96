/**
 * The demo mesh: a made-up but self-consistent Kubernetes + Istio world (services, pods, Istio
 * routing config) from which the per-proxy Envoy config dumps are generated.
 */
import type { JsonObject } from '@meshlens/configdump';

/** Options of `generateDemoMesh`. Every field is optional; the defaults give classic Bookinfo. */
export interface DemoMeshOptions {
  /**
   * Total number of application services. The first 4 are always Bookinfo's (productpage,
   * details, reviews, ratings); more adds generated services `svc-NNN`, in team namespaces
   * (`payments`, `checkout`...) of 25-50 services each. Values below 4 give Bookinfo.
   */
  services?: number;
  /** Versions per generated service (default: 1..3, picked from the seed). Bookinfo keeps its own. */
  versions?: number;
  /**
   * Pods (and so endpoints) per service version. Default: 1 for Bookinfo; for each generated
   * service 1, 2 or 3 from the seed (mostly 1), like deployments scaled to their load.
   */
  endpointsPerVersion?: number;
  /** Seed of every random choice (names, IPs, serials). Default 1. */
  seed?: number;
  /** The generation time: certificates and `last_updated` derive from it. Default 2026-01-01T00:00:00Z. */
  now?: Date;
}

/** Istio's protocol of a service port, from the port name prefix (`http-`, `grpc-`, `tcp-`...). */
export type DemoProtocol = 'HTTP' | 'HTTP2' | 'GRPC' | 'TCP' | 'TLS' | 'HTTPS';

/** A port of a Kubernetes Service. */
export interface DemoServicePort {
  /** Port name (`http`, `grpc-xds`...), as in the Service spec. */
  name: string;
  /** Service port (the cluster-IP port clients dial). */
  port: number;
  /** Container port the endpoints listen on. */
  targetPort: number;
  protocol: DemoProtocol;
}

/** Envoy's `HealthStatus` values the generator uses. */
export type DemoHealth = 'HEALTHY' | 'UNHEALTHY' | 'DRAINING';

/** A pod backing a service. */
export interface DemoPod {
  /** Pod name, e.g. `reviews-v2-5b8c7d9f4-abcde`. */
  name: string;
  namespace: string;
  ip: string;
  /** Kubernetes node the pod runs on. */
  nodeName: string;
  /** Topology labels of the node (`topology.kubernetes.io/region` / `zone`). */
  locality: { region: string; zone: string };
  /** Pod labels (`app`, `version`, ...). */
  labels: Record<string, string>;
  serviceAccount: string;
  /** What EDS reports for the pod. */
  health: DemoHealth;
  /** The Envoy proxy in the pod, if any (istiod has none). */
  proxyType?: 'sidecar' | 'router';
}

/** A Kubernetes Service and its pods. */
export interface DemoService {
  name: string;
  namespace: string;
  /** `name.namespace.svc.cluster.local`. */
  hostname: string;
  clusterIP: string;
  ports: DemoServicePort[];
  /** The `version` label values of its pods (empty when the pods carry no version). */
  versions: string[];
  pods: DemoPod[];
}

/** One destination of a VirtualService HTTP route. */
export interface DemoRouteDestination {
  /** Full service hostname. */
  host: string;
  port: number;
  subset?: string;
  /** Percentage weight; absent for a single destination. */
  weight?: number;
}

/** A match condition of a VirtualService HTTP route (the fields this demo uses). */
export interface DemoHttpMatch {
  uri?: { exact: string } | { prefix: string };
  /** Service port the match is limited to (Istio's `match.port`); absent = every port. */
  port?: number;
  /** Header name -> exact value. */
  headers?: Record<string, string>;
}

/** An HTTP route of a VirtualService. */
export interface DemoHttpRoute {
  name?: string;
  /** Any of these matches (OR); absent = match everything. */
  match?: DemoHttpMatch[];
  route: DemoRouteDestination[];
  /** Request timeout, e.g. `10s`. */
  timeout?: string;
  retries?: { attempts: number; perTryTimeout?: string; retryOn?: string };
}

/** A `networking.istio.io/v1` VirtualService (the subset of fields the generator reads). */
export interface DemoVirtualService {
  name: string;
  namespace: string;
  hosts: string[];
  /** `namespace/name` of the Gateways it binds to; absent = the mesh (sidecars). */
  gateways?: string[];
  http: DemoHttpRoute[];
}

/** The `trafficPolicy` fields of a DestinationRule the demo uses (circuit breaking). */
export interface DemoTrafficPolicy {
  connectionPool?: {
    tcp?: { maxConnections?: number };
    http?: { http1MaxPendingRequests?: number; http2MaxRequests?: number; maxRetries?: number };
  };
  outlierDetection?: {
    consecutive5xxErrors: number;
    /** Duration, e.g. `10s`. */
    interval: string;
    baseEjectionTime: string;
    maxEjectionPercent?: number;
  };
}

/** A `networking.istio.io/v1` DestinationRule with label subsets. */
export interface DemoDestinationRule {
  name: string;
  namespace: string;
  host: string;
  trafficPolicy?: DemoTrafficPolicy;
  subsets: { name: string; labels: Record<string, string> }[];
}

/** A `networking.istio.io/v1` Gateway (one HTTP server is all the demo needs). */
export interface DemoGateway {
  name: string;
  namespace: string;
  selector: Record<string, string>;
  servers: { port: { number: number; name: string; protocol: DemoProtocol }; hosts: string[] }[];
}

/** One Envoy proxy of the mesh and its config dump. */
export interface DemoProxy {
  podName: string;
  namespace: string;
  proxyType: 'sidecar' | 'router';
  ip: string;
  /** `app` label. */
  app: string;
  /** `version` label, if any. */
  version?: string;
  /** Suggested file name: `<pod>.<namespace>.json`. */
  fileName: string;
  /**
   * The `/config_dump?include_eds` JSON. Built on first read and then cached, so a large mesh
   * costs nothing until a dump is actually needed. Read-only: to save memory, identical
   * sub-objects (e.g. the outbound clusters) are shared between the dumps of one mesh.
   */
  readonly dump: JsonObject;
}

/** The generated mesh. */
export interface DemoMesh {
  /** Bookinfo's namespace (`bookinfo`); generated services live in team namespaces besides it. */
  namespace: string;
  seed: number;
  /** Generation time, ISO 8601. */
  now: string;
  /** SPIFFE trust domain (`cluster.local`). */
  trustDomain: string;
  meshId: string;
  clusterId: string;
  /** Every Service, application ones first, then `istio-system` ones. */
  services: DemoService[];
  virtualServices: DemoVirtualService[];
  destinationRules: DemoDestinationRule[];
  gateways: DemoGateway[];
  /** Every proxy: the sidecars, then the ingress gateway. */
  proxies: DemoProxy[];
}
