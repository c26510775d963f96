import type { Listener } from '@meshlens/configdump';
import { goSortSlice } from './goSort';
import {
  describeChainDestination,
  describeChainMatch,
  listenerAddresses,
  listenerMatches,
  listenerPort,
  listenerType,
  sortListeners,
  type ListenerFilter,
} from './listenerRows';
import { TIGHT_LAYOUT, type Table } from './table';

/** How to lay out `proxy-config listener`. */
export interface ListenerTableOptions {
  filter: ListenerFilter;
  /** One row per filter chain with MATCH / DESTINATION (istioctl's default) instead of one per listener. */
  verbose: boolean;
  /** `proxy-config all`: prefix a NAME column `listener/<name>`. */
  includeConfigType: boolean;
}

/** The `proxy-config listener` table, in istioctl's row order. */
export function listenerTable(
  listeners: readonly Listener[],
  options: ListenerTableOptions,
): Table {
  const selected = sortListeners(listeners.filter((l) => listenerMatches(l, options.filter)));
  const name = (l: Listener): string[] => (options.includeConfigType ? [`listener/${l.name}`] : []);
  const prefix = options.includeConfigType ? ['NAME'] : [];
  if (!options.verbose) {
    return {
      header: [...prefix, 'ADDRESSES', 'PORT', 'TYPE'],
      rows: selected.map((l) => [
        ...name(l),
        listenerAddresses(l),
        String(listenerPort(l)),
        listenerType(l),
      ]),
      layout: TIGHT_LAYOUT,
    };
  }
  const rows: string[][] = [];
  for (const l of selected) {
    const chains = l.defaultFilterChain
      ? [...l.filterChains, l.defaultFilterChain]
      : l.filterChains;
    const described = chains.map((c) => ({
      match: describeChainMatch(c),
      destination: describeChainDestination(c),
    }));
    // istioctl orders the chains of a listener by DESTINATION, descending.
    for (const d of goSortSlice(described, (a, b) => a.destination > b.destination)) {
      rows.push([
        ...name(l),
        listenerAddresses(l),
        String(listenerPort(l)),
        d.match,
        d.destination,
      ]);
    }
  }
  return {
    header: [...prefix, 'ADDRESSES', 'PORT', 'MATCH', 'DESTINATION'],
    rows,
    layout: TIGHT_LAYOUT,
  };
}
