import type { ConfigDump } from '@meshlens/configdump';
import type { ProxyGraph, ProxyGraphOptions } from './graphTypes';

/** Builds the proxy graph of a dump for one view state. Deterministic: same input, same graph. */
export function buildProxyGraph(dump: ConfigDump, options: ProxyGraphOptions = {}): ProxyGraph {
  void dump;
  void options;
  return { nodes: [], edges: [], groups: [], aggregated: false, fullNodeCount: 0 };
}
