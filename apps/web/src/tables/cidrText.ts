import type { Address, CidrRange } from '@meshlens/configdump';

/** An address the way istioctl prints it (`10.0.0.1:9080`, `[fd00::1]:443`, `unix:///sock`). */
export function addressText(a: Address): string {
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

/** `10.0.0.0/8`. */
export function cidrText(r: CidrRange): string {
  return `${r.addressPrefix}/${r.prefixLen}`;
}
