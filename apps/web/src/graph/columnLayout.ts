/** Sizes of the column layout, in graph pixels. */
export interface ColumnLayoutOptions {
  /** Horizontal distance between the centres of two neighbouring columns. */
  columnSpacing: number;
  /** Vertical distance between the centres of two nodes of one column. */
  rowSpacing: number;
  /** Alternating barycentre sweeps; more untangles more, each costs O(nodes + edges). */
  sweeps: number;
  /** A column with more unconnected nodes than this lays them out in a grid below the graph. */
  gridAbove: number;
}

export const defaultColumnLayout: ColumnLayoutOptions = {
  columnSpacing: 280,
  rowSpacing: 54,
  sweeps: 4,
  gridAbove: 12,
};

/**
 * Places nodes in their columns, left to right, and orders each column so that nodes sit
 * level with their neighbours (barycentre heuristic, alternating left and right sweeps).
 * Deterministic: no randomness, ties keep input order. Empty columns are skipped.
 * Nodes without any edge say nothing about order; when a column has many (a gateway's 120
 * clusters no route uses), they are wrapped into a grid under the graph that ends at their
 * column (so the picture gets no wider), instead of one column taller than all the others.
 */
export function columnLayout(
  nodes: readonly { id: string; column: number }[],
  edges: readonly { source: string; target: string }[],
  options: ColumnLayoutOptions = defaultColumnLayout,
): Map<string, { x: number; y: number }> {
  const columnIds = [...new Set(nodes.map((n) => n.column))].sort((a, b) => a - b);
  const columns: string[][] = columnIds.map(() => []);
  const colOf = new Map<string, number>();
  for (const n of nodes) {
    const c = columnIds.indexOf(n.column);
    colOf.set(n.id, c);
    columns[c]?.push(n.id);
  }
  const linked = new Set<string>();
  for (const e of edges) {
    linked.add(e.source);
    linked.add(e.target);
  }
  const gridded = columns.map((col) => {
    const loose = col.filter((id) => !linked.has(id));
    return loose.length > options.gridAbove ? loose : [];
  });
  gridded.forEach((loose, c) => {
    if (loose.length > 0) columns[c] = (columns[c] ?? []).filter((id) => linked.has(id));
  });
  const preds = new Map<string, string[]>();
  const succs = new Map<string, string[]>();
  for (const e of edges) {
    const cs = colOf.get(e.source);
    const ct = colOf.get(e.target);
    // Same-column edges (aggregate clusters) say nothing about the order across columns.
    if (cs === undefined || ct === undefined || cs === ct) continue;
    const [from, to] = cs < ct ? [e.source, e.target] : [e.target, e.source];
    push(succs, from, to);
    push(preds, to, from);
  }
  const y = new Map<string, number>();
  for (const col of columns) col.forEach((id, i) => y.set(id, i * options.rowSpacing));
  const sweep = (order: number[], neighbours: Map<string, string[]>): void => {
    for (const c of order) {
      const col = columns[c] ?? [];
      const key = new Map<string, number>();
      for (const id of col) {
        const ns = neighbours.get(id);
        key.set(id, ns && ns.length > 0 ? mean(ns.map((n) => y.get(n) ?? 0)) : (y.get(id) ?? 0));
      }
      const sorted = col
        .map((id, i) => ({ id, i, k: key.get(id) ?? 0 }))
        .sort((a, b) => a.k - b.k || a.i - b.i)
        .map((e) => e.id);
      columns[c] = sorted;
      const placed = placeInOrder(
        sorted.map((id) => key.get(id) ?? 0),
        options.rowSpacing,
      );
      sorted.forEach((id, i) => y.set(id, placed[i] ?? 0));
    }
  };
  const right = columns.map((_, i) => i).slice(1);
  const left = columns
    .map((_, i) => i)
    .reverse()
    .slice(1);
  for (let s = 0; s < options.sweeps; s++) {
    sweep(right, preds);
    sweep(left, succs);
  }
  sweep(right, preds);
  const out = new Map<string, { x: number; y: number }>();
  let bottom = Number.NEGATIVE_INFINITY;
  columns.forEach((col, c) => {
    for (const id of col) {
      const at = { x: c * options.columnSpacing, y: y.get(id) ?? 0 };
      out.set(id, at);
      bottom = Math.max(bottom, at.y);
    }
  });
  let top = bottom === Number.NEGATIVE_INFINITY ? 0 : bottom + 2 * options.rowSpacing;
  gridded.forEach((loose, c) => {
    if (loose.length === 0) return;
    // About as wide as tall on screen (k columns of columnSpacing vs n/k rows of rowSpacing),
    // but never wider than the graph's own columns.
    const square = Math.round(
      Math.sqrt((loose.length * options.rowSpacing) / options.columnSpacing),
    );
    const k = Math.max(1, Math.min(columns.length, square));
    const first = Math.max(0, c - k + 1);
    loose.forEach((id, i) => {
      out.set(id, {
        x: (first + (i % k)) * options.columnSpacing,
        y: top + Math.floor(i / k) * options.rowSpacing,
      });
    });
    top += (Math.ceil(loose.length / k) + 1) * options.rowSpacing;
  });
  return out;
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/**
 * Positions as close as possible (least squares) to the wanted ones while keeping the order and
 * at least `gap` between neighbours: with z_i = y_i - i*gap the constraint is "z never
 * decreases", which pool-adjacent-violators solves exactly in one pass.
 */
export function placeInOrder(wanted: number[], gap: number): number[] {
  const blocks: { sum: number; count: number }[] = [];
  wanted.forEach((w, i) => {
    blocks.push({ sum: w - i * gap, count: 1 });
    while (blocks.length > 1) {
      const last = blocks[blocks.length - 1] as { sum: number; count: number };
      const prev = blocks[blocks.length - 2] as { sum: number; count: number };
      if (prev.sum / prev.count <= last.sum / last.count) break;
      prev.sum += last.sum;
      prev.count += last.count;
      blocks.pop();
    }
  });
  const out: number[] = [];
  for (const b of blocks) {
    for (let k = 0; k < b.count; k++) out.push(b.sum / b.count + out.length * gap);
  }
  return out;
}
