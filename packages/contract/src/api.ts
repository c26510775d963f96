import type { ProxyType } from '@meshlens/configdump';

/** `GET /api/health`. */
export interface HealthResponse {
  status: 'ok';
  /** Server package version. */
  version: string;
  /** Seconds since the server started. */
  uptimeSeconds: number;
}

/** One proxy of the generated demo mesh, as listed by `GET /api/demo/proxies`. */
export interface DemoProxySummary {
  /** Pod name; also the key of `GET /api/demo/proxies/:podName/config_dump`. */
  podName: string;
  namespace: string;
  /** Istio proxy flavour (`sidecar` for workloads, `router` for gateways). */
  proxyType: ProxyType;
  /** Pod IP. */
  ip: string;
  /** Value of the pod's `app` label. */
  app: string;
  /** Value of the pod's `version` label, when it has one. */
  version?: string;
  /** Suggested file name of the dump, e.g. `productpage-v1-6b746f74dc-9stp2.json`. */
  fileName: string;
  /** Relative URL of the raw `/config_dump` JSON of this proxy. */
  configDumpUrl: string;
}

/** `GET /api/demo/proxies`. */
export interface DemoProxyListResponse {
  /** Namespace of the demo application. */
  namespace: string;
  /** Names of the demo services. */
  services: string[];
  proxies: DemoProxySummary[];
}

/** Body of every non-2xx `/api` response. */
export interface ApiErrorResponse {
  error: {
    /** Stable machine-readable code. */
    code: 'not_found' | 'unauthorized' | 'bad_request' | 'payload_too_large' | 'internal';
    /** A sentence a person can act on. */
    message: string;
  };
}
