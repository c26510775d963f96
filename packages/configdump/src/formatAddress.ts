import type { Address } from './model';

/**
 * An address the way istioctl prints it: `172.17.0.4:443`, `[fd00::1]:443`,
 * `unix:///sock/mixer.socket`, `envoy://connect_originate/192.168.195.248:800`.
 */
export function formatAddress(a: Address): string {
  switch (a.kind) {
    case 'socket': {
      const host = a.ip.includes(':') ? `[${a.ip}]` : a.ip;
      return `${host}:${a.port ?? 0}`;
    }
    case 'pipe':
      return `unix://${a.path}`;
    case 'internal':
      return a.endpointId === undefined
        ? `envoy://${a.serverListenerName}`
        : `envoy://${a.serverListenerName}/${a.endpointId}`;
    case 'unknown':
      return '';
  }
}
