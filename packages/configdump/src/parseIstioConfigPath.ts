import type { IstioConfigRef } from './model';

// Istio writes `/apis/<group>/<version>/namespaces/<ns>/<kind>/<name>` into the `istio` filter
// metadata of routes and clusters; <kind> is kebab-case (`virtual-service`) and, in some
// versions, the lower-case plural resource name (`virtualservices`).
const KINDS: Record<string, string> = {
  'virtual-service': 'VirtualService',
  virtualservices: 'VirtualService',
  'destination-rule': 'DestinationRule',
  destinationrules: 'DestinationRule',
  gateway: 'Gateway',
  gateways: 'Gateway',
  'service-entry': 'ServiceEntry',
  serviceentries: 'ServiceEntry',
  sidecar: 'Sidecar',
  sidecars: 'Sidecar',
  'envoy-filter': 'EnvoyFilter',
  envoyfilters: 'EnvoyFilter',
  'workload-entry': 'WorkloadEntry',
  'authorization-policy': 'AuthorizationPolicy',
  'peer-authentication': 'PeerAuthentication',
  'request-authentication': 'RequestAuthentication',
  'wasm-plugin': 'WasmPlugin',
  'http-route': 'HTTPRoute',
  httproutes: 'HTTPRoute',
  'grpc-route': 'GRPCRoute',
  'tcp-route': 'TCPRoute',
  'tls-route': 'TLSRoute',
};

function kindOf(segment: string): string {
  const known = KINDS[segment];
  if (known !== undefined) return known;
  return segment
    .split('-')
    .map((w) => (w === '' ? '' : w[0]!.toUpperCase() + w.slice(1)))
    .join('');
}

/**
 * `/apis/networking.istio.io/v1alpha3/namespaces/default/virtual-service/reviews`
 * -> `{ kind: 'VirtualService', name: 'reviews', namespace: 'default', path }`.
 * Returns undefined for anything else.
 */
export function parseIstioConfigPath(path: string): IstioConfigRef | undefined {
  const parts = path.split('/');
  // ['', 'apis', group, version, 'namespaces', ns, kind, name]
  if (parts.length !== 8 || parts[0] !== '' || parts[1] !== 'apis' || parts[4] !== 'namespaces') {
    return undefined;
  }
  const namespace = parts[5] ?? '';
  const kind = parts[6] ?? '';
  const name = parts[7] ?? '';
  if (namespace === '' || kind === '' || name === '') return undefined;
  return { kind: kindOf(kind), name, namespace, path };
}
