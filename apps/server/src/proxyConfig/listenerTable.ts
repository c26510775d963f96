import type { Listener } from '@meshlens/configdump';
import { listenerChainRows, listenerSummaryRow } from '@meshlens/istioctl';
import { goSortSlice } from './goSort';
import { listenerMatches, sortListeners, type ListenerFilter } from './listenerSelection';
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
      rows: selected.map((l) => {
        const r = listenerSummaryRow(l);
        return [...name(l), r.addresses, String(r.port), r.type];
      }),
      layout: TIGHT_LAYOUT,
    };
  }
  const rows: string[][] = [];
  for (const l of selected) {
    // istioctl orders the chains of a listener by DESTINATION, descending.
    const chains = goSortSlice(listenerChainRows(l), (a, b) => a.destination > b.destination);
    for (const r of chains) {
      rows.push([...name(l), r.addresses, String(r.port), r.match, r.destination]);
    }
  }
  return {
    header: [...prefix, 'ADDRESSES', 'PORT', 'MATCH', 'DESTINATION'],
    rows,
    layout: TIGHT_LAYOUT,
  };
}
