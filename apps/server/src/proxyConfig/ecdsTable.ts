import type { ExtensionConfig } from '@meshlens/configdump';
import { goSortSlice } from './goSort';
import { WIDE_LAYOUT, type Table } from './table';

/** The TYPE column: the config's type URL without `type.googleapis.com/` ('' when not inline). */
export function ecdsType(config: ExtensionConfig): string {
  return (config.typeUrl ?? '').replace(/^type\.googleapis\.com\//, '');
}

/** The `proxy-config ecds` table, sorted by type then name as istioctl does. */
export function ecdsTable(configs: readonly ExtensionConfig[]): Table {
  const sorted = goSortSlice(configs, (a, b) => {
    const ta = ecdsType(a);
    const tb = ecdsType(b);
    return ta !== tb ? ta < tb : a.name < b.name;
  });
  return {
    header: ['ECDS NAME', 'TYPE'],
    rows: sorted.map((c) => [c.name, ecdsType(c)]),
    layout: WIDE_LAYOUT,
  };
}
