import { renderTable, type TabwriterOptions } from './tabwriter';

/** A table before layout: what istioctl would `Fprintf` row by row into its tabwriter. */
export interface Table {
  header: string[];
  rows: string[][];
  /** The tabwriter settings istioctl uses for this table. */
  layout: TabwriterOptions;
}

/** Most istioctl tables: `tabwriter.Init(w, 0, 8, 5, ' ', 0)`. */
export const WIDE_LAYOUT: TabwriterOptions = { minwidth: 0, padding: 5 };
/** The listener tables: `tabwriter.Init(w, 0, 8, 1, ' ', 0)`. */
export const TIGHT_LAYOUT: TabwriterOptions = { minwidth: 0, padding: 1 };

/** Lays a table out as text, ending with a newline like every istioctl table. */
export function formatTable(table: Table): string {
  return renderTable(table.header, table.rows, table.layout);
}
