import { describe, expect, test } from 'vitest';
import { nodeShapePath } from './nodeShapePath';

/** The corner points of a polygon path (M/L commands only). */
function points(d: string): [number, number][] {
  return [...d.matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

function bounds(pts: [number, number][]): number[] {
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

describe('nodeShapePath', () => {
  test('every polygon of the stylesheet fills the node box exactly', () => {
    for (const shape of ['rectangle', 'cut-rectangle', 'tag', 'octagon', 'hexagon', 'diamond']) {
      expect(bounds(points(nodeShapePath(shape, 100, 50, 230, 44))), shape).toEqual([
        -15, 28, 215, 72,
      ]);
    }
  });

  test('shape details: tag point at the right middle, cut corners 8 px, octagon has 8 sides', () => {
    const tag = points(nodeShapePath('tag', 0, 0, 200, 40));
    expect(tag).toContainEqual([100, 0]);
    expect(tag).toContainEqual([25, -20]);
    const cut = points(nodeShapePath('cut-rectangle', 0, 0, 200, 40));
    expect(cut[0]).toEqual([-92, -20]);
    expect(points(nodeShapePath('octagon', 0, 0, 200, 40))).toHaveLength(8);
  });

  test('round-rectangle corners use radius min(w/4, h/4, 8), or the given radius', () => {
    expect(nodeShapePath('round-rectangle', 0, 0, 230, 44)).toContain('A8 8 0 0 1');
    expect(nodeShapePath('round-rectangle', 0, 0, 20, 12)).toContain('A3 3 0 0 1');
    expect(nodeShapePath('round-rectangle', 0, 0, 230, 44, 4)).toContain('A4 4 0 0 1');
  });

  test('ellipse is two arcs; unknown shapes fall back to the rectangle', () => {
    expect(nodeShapePath('ellipse', 0, 0, 100, 40)).toBe(
      'M-50 0 A50 20 0 1 0 50 0 A50 20 0 1 0 -50 0 Z',
    );
    expect(nodeShapePath('no-such-shape', 0, 0, 10, 10)).toBe(
      nodeShapePath('rectangle', 0, 0, 10, 10),
    );
  });

  test('round polygons keep their corners inside the box', () => {
    const d = nodeShapePath('round-octagon', 0, 0, 200, 40);
    expect(d).toContain(' A');
    const [x1, y1, x2, y2] = bounds(points(d));
    expect(x1).toBeGreaterThanOrEqual(-100);
    expect(x2).toBeLessThanOrEqual(100);
    expect(y1).toBeGreaterThanOrEqual(-20);
    expect(y2).toBeLessThanOrEqual(20);
  });
});
