import type { Listener, NetworkFilter } from '@meshlens/configdump';

function isHttp(filter: NetworkFilter): boolean {
  return filter.kind === 'http_connection_manager';
}

// istioctl does not count a TCP proxy to the PassthroughCluster as TCP: on a sidecar that chain
// exists on every listener and would make them all `HTTP+TCP`.
function isCountedTcp(filter: NetworkFilter): boolean {
  return filter.kind === 'tcp_proxy' && filter.cluster !== 'PassthroughCluster';
}

/** The TYPE column of the compact listener table: HTTP, TCP, HTTP+TCP or UNKNOWN. */
export function listenerType(listener: Listener): string {
  let http = 0;
  let tcp = 0;
  for (const chain of listener.filterChains) {
    for (const filter of chain.filters) {
      if (isHttp(filter)) http++;
      else if (isCountedTcp(filter)) tcp++;
    }
  }
  if (http > 0) return tcp === 0 ? 'HTTP' : 'HTTP+TCP';
  return tcp > 0 ? 'TCP' : 'UNKNOWN';
}
