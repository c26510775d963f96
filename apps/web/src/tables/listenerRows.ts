import type { ConfigDump } from '@meshlens/configdump';
import {
  listenerAddresses,
  listenerChainRows,
  listenerPort,
  type ListenerChainRow,
} from '@meshlens/istioctl';
import { listenerKey, nodeIdFor } from '@meshlens/proxy-graph';

/**
 * One row of the listener table: one per filter chain, with istioctl's verbose `proxy-config
 * listener` cells (from @meshlens/istioctl) and the graph node the row opens.
 */
export interface ListenerRow extends Omit<ListenerChainRow, 'chain'> {
  nodeId: string;
}

/** Rows of the listener table, for every listener of the dump in dump order (default chain last). */
export function listenerRows(dump: ConfigDump): ListenerRow[] {
  const rows: ListenerRow[] = [];
  for (const l of dump.listeners) {
    // Graph ids use the listener key: nameless listeners are drawn under their address.
    const key = listenerKey(l);
    for (const { chain, ...cells } of listenerChainRows(l)) {
      rows.push({
        ...cells,
        nodeId: nodeIdFor({ kind: 'filter_chain', listener: key, index: chain.index }),
      });
    }
    // istioctl prints nothing for a listener without chains; the table still lists it so that
    // every listener of the graph can be found here.
    if (l.filterChains.length === 0 && !l.defaultFilterChain) {
      rows.push({
        name: l.name,
        addresses: listenerAddresses(l),
        port: listenerPort(l),
        match: 'ALL',
        destination: 'Non-HTTP/Non-TCP',
        nodeId: nodeIdFor({ kind: 'listener', name: key }),
      });
    }
  }
  return rows;
}
