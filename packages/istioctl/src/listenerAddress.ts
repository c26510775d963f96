import type { Address, Listener } from '@meshlens/configdump';

// istioctl prints a listener address as the bare IP or pipe path: no port, no brackets.
function addressText(a: Address): string {
  if (a.kind === 'socket') return a.ip;
  if (a.kind === 'pipe') return a.path;
  return '';
}

/** The primary address as istioctl prints it: the IP, the pipe path, or '' (internal listeners). */
export function listenerAddress(listener: Listener): string {
  return addressText(listener.address);
}

/** The ADDRESSES column: the primary address followed by `additional_addresses`, comma-separated. */
export function listenerAddresses(listener: Listener): string {
  const extra = listener.additionalAddresses.map(addressText).filter((a) => a !== '');
  return [listenerAddress(listener), ...extra].join(',');
}

/** The PORT column: the socket port, 0 when there is none (internal listeners, pipes). */
export function listenerPort(listener: Listener): number {
  return listener.address.kind === 'socket' ? (listener.address.port ?? 0) : 0;
}
