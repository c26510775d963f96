/** Orders two cell values: numbers numerically, text by code point, empty values last. */
export function compareCells(a: unknown, b: unknown): number {
  const emptyA = a === undefined || a === null || a === '';
  const emptyB = b === undefined || b === null || b === '';
  if (emptyA || emptyB) return emptyA === emptyB ? 0 : emptyA ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/**
 * A sorted copy of `rows` by one column; stable, and empty cells stay last in both directions.
 * Done on plain arrays: a table library's per-row objects cost seconds at 50k rows.
 */
export function sortRows<T>(rows: readonly T[], key: keyof T, desc: boolean): T[] {
  const indexed = rows.map((row, i) => ({ row, i }));
  indexed.sort((x, y) => {
    const a = x.row[key];
    const b = y.row[key];
    const emptyA = a === undefined || a === null || a === '';
    const emptyB = b === undefined || b === null || b === '';
    let c: number;
    if (emptyA || emptyB) c = compareCells(a, b);
    else c = desc ? compareCells(b, a) : compareCells(a, b);
    return c !== 0 ? c : x.i - y.i;
  });
  return indexed.map((x) => x.row);
}
