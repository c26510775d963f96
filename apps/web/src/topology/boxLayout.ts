// A cheap deterministic layout for big graphs: each box lays its members out in a square grid
// and boxes are packed in rows (shelf packing), recursively. Linear in the number of nodes, so a
// 10,000-node graph gets positions in a few milliseconds where dagre would freeze the page.
import type { TopoModel } from './topoModel';

/** Position of a leaf node (boxes size themselves around their members). */
export interface Point {
  x: number;
  y: number;
}

interface Block {
  w: number;
  h: number;
  /** Leaf positions relative to the block's top-left corner. */
  place(x: number, y: number, out: Map<string, Point>): void;
}

/** Cell of a node; a collapsed box (160 x 56 in topoStyle, plus padding and border: about 200 x 96) gets a wider one. */
const CELL = { w: 80, h: 80 };
const BOX_CELL = { w: 230, h: 120 };
const GAP = 60;

function gridBlock(ids: readonly string[], cell: { w: number; h: number }): Block {
  // Square in drawn size, not in count: wide cells get fewer columns.
  const cols = Math.max(1, Math.round(Math.sqrt((ids.length * cell.h) / cell.w) * 1.6));
  const rows = Math.ceil(ids.length / cols);
  return {
    w: Math.min(cols, ids.length) * cell.w,
    h: rows * cell.h,
    place(x, y, out) {
      ids.forEach((id, i) => {
        out.set(id, {
          x: x + (i % cols) * cell.w + cell.w / 2,
          y: y + Math.floor(i / cols) * cell.h + cell.h / 2,
        });
      });
    },
  };
}

function packBlocks(blocks: readonly Block[]): Block {
  const area = blocks.reduce((a, b) => a + (b.w + GAP) * (b.h + GAP), 0);
  const widest = blocks.reduce((a, b) => Math.max(a, b.w), 0);
  const rowWidth = Math.max(widest, Math.sqrt(area) * 1.4);
  const at: { b: Block; x: number; y: number }[] = [];
  let x = 0;
  let y = 0;
  let rowH = 0;
  let w = 0;
  for (const b of blocks) {
    if (x > 0 && x + b.w > rowWidth) {
      y += rowH + GAP;
      x = 0;
      rowH = 0;
    }
    at.push({ b, x, y });
    x += b.w + GAP;
    w = Math.max(w, x - GAP);
    rowH = Math.max(rowH, b.h);
  }
  return {
    w,
    h: y + rowH,
    place(ox, oy, out) {
      for (const a of at) a.b.place(ox + a.x, oy + a.y, out);
    },
  };
}

/** Positions for every childless node of the model (boxes: their members' bounding box). */
export function boxLayout(model: TopoModel): Map<string, Point> {
  const ids = new Set(model.nodes.map((n) => n.id));
  const collapsed = new Set(model.nodes.filter((n) => n.collapsed === true).map((n) => n.id));
  const children = new Map<string | undefined, string[]>();
  for (const n of model.nodes) {
    const parent = n.parent !== undefined && ids.has(n.parent) ? n.parent : undefined;
    const list = children.get(parent);
    if (list) list.push(n.id);
    else children.set(parent, [n.id]);
  }
  const blockOf = (parent: string | undefined, depth: number): Block => {
    const members = [...(children.get(parent) ?? [])].sort();
    const leaves = members.filter((id) => !children.has(id) || depth > 8);
    const boxes = members.filter((id) => children.has(id) && depth <= 8);
    const blocks = boxes.map((id) => blockOf(id, depth + 1));
    const shut = leaves.filter((id) => collapsed.has(id));
    const open = leaves.filter((id) => !collapsed.has(id));
    if (shut.length > 0) blocks.unshift(gridBlock(shut, BOX_CELL));
    if (open.length > 0) blocks.unshift(gridBlock(open, CELL));
    return packBlocks(blocks);
  };
  const out = new Map<string, Point>();
  blockOf(undefined, 0).place(0, 0, out);
  return out;
}
