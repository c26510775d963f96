import type { Address } from '@meshlens/configdump';

/** A short, stable text for an Envoy address: `10.0.0.1:9080`, `unix:/path`, `envoy://listener/id`. */
export function formatAddress(address: Address): string {
  switch (address.kind) {
    case 'socket':
      return address.port === undefined ? address.ip : `${address.ip}:${address.port}`;
    case 'pipe':
      return `unix:${address.path}`;
    case 'internal':
      return `envoy://${address.serverListenerName}${address.endpointId ? `/${address.endpointId}` : ''}`;
    case 'unknown':
      return '?';
  }
}
