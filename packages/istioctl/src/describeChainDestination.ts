import type { FilterChain } from '@meshlens/configdump';
import { clusterDestination, describeInlineRoute } from './describeInlineRoute';

/** The DESTINATION column: what the first HTTP or TCP proxy filter of the chain sends traffic to. */
export function describeChainDestination(chain: FilterChain): string {
  for (const filter of chain.filters) {
    if (filter.kind === 'http_connection_manager') {
      const source = filter.routeSource;
      if (source.kind === 'inline') return describeInlineRoute(source.routeConfig);
      if (source.kind === 'rds' && source.routeConfigName !== '')
        return `Route: ${source.routeConfigName}`;
      return 'HTTP';
    }
    if (filter.kind === 'tcp_proxy') return clusterDestination(filter.cluster ?? '');
  }
  return 'Non-HTTP/Non-TCP';
}
