import type { Listener } from '@meshlens/configdump';
import { listenerAddress, listenerAddresses, listenerPort, listenerType } from '@meshlens/istioctl';
import { goSortSlice } from './goSort';

/** The filters of `proxy-config listener` (`--address`, `--port`, `--type`). */
export interface ListenerFilter {
  address?: string;
  port?: number;
  /** `HTTP`, `TCP`, `HTTP+TCP` (compared case-insensitively, like istioctl). */
  type?: string;
}

/** The listeners istioctl lists: dynamic active ones first, then the static ones, in dump order. */
export function listedListeners(listeners: readonly Listener[]): Listener[] {
  return [
    ...listeners.filter((l) => l.state === 'active'),
    ...listeners.filter((l) => l.state === 'static'),
  ];
}

/** istioctl's `ListenerFilter.Verify`. */
export function listenerMatches(listener: Listener, filter: ListenerFilter): boolean {
  if (filter.address !== undefined && filter.address !== '') {
    const addresses = listenerAddresses(listener).split(',');
    if (!addresses.includes(filter.address)) return false;
  }
  if (filter.port !== undefined && filter.port !== 0 && listenerPort(listener) !== filter.port)
    return false;
  if (
    filter.type !== undefined &&
    filter.type !== '' &&
    listenerType(listener).toLowerCase() !== filter.type.toLowerCase()
  ) {
    return false;
  }
  return true;
}

/**
 * True for Envoy internal listeners (`internal_listener` set). The model does not carry this flag,
 * so it is read from the listener's raw JSON (a documented gap in @meshlens/configdump).
 */
export function isInternalListener(listener: Listener): boolean {
  const raw = listener.raw;
  return (
    typeof raw === 'object' &&
    raw !== null &&
    !Array.isArray(raw) &&
    ('internal_listener' in raw || 'internalListener' in raw)
  );
}

/** istioctl's listener order: internal listeners by name, the rest by port, address, type. */
export function sortListeners(listeners: readonly Listener[]): Listener[] {
  return goSortSlice(listeners, (a, b) => {
    if (isInternalListener(a) && isInternalListener(b)) return a.name < b.name;
    const pa = listenerPort(a);
    const pb = listenerPort(b);
    if (pa !== pb) return pa < pb;
    const aa = listenerAddress(a);
    const ab = listenerAddress(b);
    if (aa !== ab) return aa < ab;
    return listenerType(a) < listenerType(b);
  });
}
