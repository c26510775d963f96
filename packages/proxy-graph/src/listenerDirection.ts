import type { Listener, ProxyType } from '@meshlens/configdump';

/** Which way a listener's traffic goes; `other` when the dump does not say and nothing hints at it. */
export function listenerDirection(
  listener: Listener,
  proxyType: ProxyType | undefined,
): 'inbound' | 'outbound' | 'other' {
  if (listener.trafficDirection === 'INBOUND') return 'inbound';
  if (listener.trafficDirection === 'OUTBOUND') return 'outbound';
  const name = listener.name.toLowerCase();
  // Old Istio dumps (v2alpha) leave traffic_direction unset; the names and the inbound capture
  // port (15006) still say which way the traffic goes.
  if (name === 'virtualinbound' || name.startsWith('inbound|') || name.startsWith('inbound_')) {
    return 'inbound';
  }
  if (listener.address.kind === 'socket' && listener.address.port === 15006) return 'inbound';
  if (name === 'virtualoutbound' || name.startsWith('outbound|')) return 'outbound';
  if (listener.address.kind === 'socket' && listener.address.port === 15001) return 'outbound';
  // A sidecar's other listeners capture its own outgoing calls; a gateway forwards to upstream
  // services, which Istio itself marks OUTBOUND in newer versions.
  if (proxyType === 'sidecar' || proxyType === 'router') return 'outbound';
  return 'other';
}
