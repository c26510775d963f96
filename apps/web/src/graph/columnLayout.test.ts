import { describe, expect, it } from 'vitest';
import { columnLayout, placeInOrder } from './columnLayout';

describe('placeInOrder', () => {
  it('keeps wanted positions that are already far enough apart', () => {
    expect(placeInOrder([0, 100, 300], 50)).toEqual([0, 100, 300]);
  });
  it('spreads colliding nodes symmetrically around their wanted position', () => {
    const out = placeInOrder([100, 100, 100], 50);
    expect(out).toEqual([50, 100, 150]);
  });
});

describe('columnLayout', () => {
  const nodes = [
    { id: 'a', column: 0 },
    { id: 'b', column: 0 },
    { id: 'b1', column: 3 },
    { id: 'a1', column: 3 },
  ];
  const edges = [
    { source: 'a', target: 'a1' },
    { source: 'b', target: 'b1' },
  ];
  it('puts columns left to right and skips empty ones', () => {
    const pos = columnLayout(nodes, edges);
    expect(pos.get('a')?.x).toBe(0);
    expect(pos.get('a1')?.x).toBe(280);
  });
  it('orders a column by its neighbours so edges do not cross', () => {
    const pos = columnLayout(nodes, edges);
    const ay = pos.get('a')?.y ?? 0;
    const by = pos.get('b')?.y ?? 0;
    const a1 = pos.get('a1')?.y ?? 0;
    const b1 = pos.get('b1')?.y ?? 0;
    expect(Math.sign(ay - by)).toBe(Math.sign(a1 - b1));
  });
  it('never overlaps two nodes of a column and is deterministic', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ id: `n${i}`, column: i % 3 }));
    const links = many.slice(3).map((n, i) => ({ source: `n${(i * 7) % 30}`, target: n.id }));
    const first = columnLayout(many, links);
    expect(columnLayout(many, links)).toEqual(first);
    for (const c of [0, 1, 2]) {
      const ys = many
        .filter((n) => n.column === c)
        .map((n) => first.get(n.id)?.y ?? 0)
        .sort((a, b) => a - b);
      for (let i = 1; i < ys.length; i++)
        expect((ys[i] ?? 0) - (ys[i - 1] ?? 0)).toBeGreaterThanOrEqual(54 - 1e-9);
    }
  });
});

describe('columnLayout of many unconnected nodes', () => {
  // A gateway whose routes use 2 clusters while 40 more are defined but unused.
  const used = [
    { id: 'l', column: 0 },
    { id: 'f', column: 1 },
    { id: 'rc', column: 2 },
    { id: 'vh', column: 3 },
    { id: 'r', column: 4 },
    { id: 'c1', column: 5 },
    { id: 'c2', column: 5 },
  ];
  const unused = Array.from({ length: 40 }, (_, i) => ({ id: `u${i}`, column: 5 }));
  const edges = [
    { source: 'l', target: 'f' },
    { source: 'f', target: 'rc' },
    { source: 'rc', target: 'vh' },
    { source: 'vh', target: 'r' },
    { source: 'r', target: 'c1' },
    { source: 'r', target: 'c2' },
  ];
  const pos = columnLayout([...used, ...unused], edges);
  const at = (id: string) => pos.get(id) ?? { x: NaN, y: NaN };

  it('wraps them into a grid below the connected nodes, ending at their column', () => {
    const xs = new Set(unused.map((n) => at(n.id).x));
    expect(xs.size).toBeGreaterThan(1);
    expect(Math.max(...xs)).toBe(at('c1').x);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(at('l').x);
    const lowest = Math.max(...used.map((n) => at(n.id).y));
    for (const n of unused) expect(at(n.id).y).toBeGreaterThan(lowest);
    const rows = new Set(unused.map((n) => at(n.id).y)).size;
    expect(rows).toBeLessThan(unused.length / 2);
  });

  it('never puts two nodes on one spot, and is deterministic', () => {
    const spots = new Set([...pos.values()].map((p) => `${p.x},${p.y}`));
    expect(spots.size).toBe(pos.size);
    expect(columnLayout([...used, ...unused], edges)).toEqual(pos);
  });

  it('keeps a few unconnected nodes in their column', () => {
    const few = columnLayout([...used, ...unused.slice(0, 5)], edges);
    for (const n of unused.slice(0, 5)) expect(few.get(n.id)?.x).toBe(at('c1').x);
  });
});
