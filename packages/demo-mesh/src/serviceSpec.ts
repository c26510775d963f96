import type { DemoProtocol, DemoServicePort } from './model';

/** What a service looks like before pods and IPs are assigned. */
export interface ServiceSpec {
  name: string;
  namespace: string;
  ports: DemoServicePort[];
  /** Version labels of its deployments; `[]` = one unversioned deployment. */
  versions: string[];
  serviceAccount: string;
  /** Labels every pod gets besides `app` / `version`. */
  extraLabels?: Record<string, string>;
  /** The `app` label (default: the service name). */
  app?: string;
  /** Pods per deployment. */
  replicas: number;
  /** The proxy in each pod; absent = no proxy (istiod). */
  proxyType?: 'sidecar' | 'router';
}

/** Istio's protocol selection from a port name: the part before the first `-` (`http-web` -> HTTP). */
export function protocolOfPortName(name: string): DemoProtocol {
  const prefix = (name.split('-')[0] ?? '').toLowerCase();
  switch (prefix) {
    case 'http':
      return 'HTTP';
    case 'http2':
      return 'HTTP2';
    case 'grpc':
      return 'GRPC';
    case 'https':
      return 'HTTPS';
    case 'tls':
      return 'TLS';
    default:
      return 'TCP';
  }
}

/** A service port whose protocol follows from its name. */
export function port(name: string, portNumber: number, targetPort = portNumber): DemoServicePort {
  return { name, port: portNumber, targetPort, protocol: protocolOfPortName(name) };
}

/** True when Istio builds an HTTP (RDS) listener for the port rather than a TCP proxy. */
export function isHttpProtocol(protocol: DemoProtocol): boolean {
  return protocol === 'HTTP' || protocol === 'HTTP2' || protocol === 'GRPC';
}
