/** The control plane and the ingress gateway: the `istio-system` services every proxy also sees. */
import { port, type ServiceSpec } from './serviceSpec';

export const ISTIO_NAMESPACE = 'istio-system';

/** istiod (no proxy) and istio-ingressgateway (a `router` proxy; service port 80 -> pod 8080). */
export function istioSystemServiceSpecs(): ServiceSpec[] {
  return [
    {
      name: 'istiod',
      namespace: ISTIO_NAMESPACE,
      ports: [
        port('grpc-xds', 15010),
        port('https-dns', 15012),
        port('https-webhook', 443, 15017),
        port('http-monitoring', 15014),
      ],
      versions: [],
      serviceAccount: 'istiod',
      extraLabels: { istio: 'pilot' },
      replicas: 1,
    },
    {
      name: 'istio-ingressgateway',
      namespace: ISTIO_NAMESPACE,
      ports: [port('status-port', 15021), port('http2', 80, 8080), port('https', 443, 8443)],
      versions: [],
      serviceAccount: 'istio-ingressgateway-service-account',
      extraLabels: { istio: 'ingressgateway' },
      replicas: 1,
      proxyType: 'router',
    },
  ];
}
