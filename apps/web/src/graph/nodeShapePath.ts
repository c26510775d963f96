// The outline of a Cytoscape node shape as an SVG path, with the same geometry as Cytoscape's
// canvas renderer: polygons are given in a unit square (-1..1) and stretched to the node's
// width and height; round-rectangle corners are min(w/4, h/4, 8) and cut corners 8 px.

type Unit = readonly number[];

/** Regular polygon points, stretched to fill the unit square (Cytoscape's `generateUnitNgonPointsFitToSquare`). */
function ngon(sides: number): number[] {
  const step = (2 * Math.PI) / sides;
  const start = sides % 2 === 0 ? Math.PI / 2 + step / 2 : Math.PI / 2;
  const pts: number[] = [];
  for (let i = 0; i < sides; i++) {
    const a = start + i * step;
    pts.push(Math.cos(a), Math.sin(-a));
  }
  return fitToSquare(pts);
}

function fitToSquare(pts: number[]): number[] {
  const xs = pts.filter((_, i) => i % 2 === 0);
  const ys = pts.filter((_, i) => i % 2 === 1);
  const sx = 2 / (Math.max(...xs) - Math.min(...xs));
  const sy = 2 / (Math.max(...ys) - Math.min(...ys));
  const out = pts.map((v, i) => v * (i % 2 === 0 ? sx : sy));
  const minY = Math.min(...out.filter((_, i) => i % 2 === 1));
  // Odd polygons are taller above the centre than below: Cytoscape shifts them down to fit.
  if (minY < -1) for (let i = 1; i < out.length; i += 2) out[i] = (out[i] ?? 0) + (-1 - minY);
  return out;
}

function star(): number[] {
  const inner = 0.5 * (3 - Math.sqrt(5)) * 1.57;
  const pts: number[] = [];
  for (let i = 0; i < 5; i++) {
    const a = Math.PI / 2 + (i * 2 * Math.PI) / 5;
    const b = a + Math.PI / 5;
    pts.push(Math.cos(a), Math.sin(-a), Math.cos(b) * inner, Math.sin(-b) * inner);
  }
  return fitToSquare(pts);
}

const polygons: Record<string, Unit> = {
  triangle: ngon(3),
  rectangle: [-1, -1, 1, -1, 1, 1, -1, 1],
  square: [-1, -1, 1, -1, 1, 1, -1, 1],
  diamond: [0, 1, 1, 0, 0, -1, -1, 0],
  pentagon: ngon(5),
  hexagon: ngon(6),
  heptagon: ngon(7),
  octagon: ngon(8),
  star: star(),
  vee: [-1, -1, 0, -0.333, 1, -1, 0, 1],
  rhomboid: [-1, -1, 0.333, -1, 1, 1, -0.333, 1],
  'right-rhomboid': [-0.333, -1, 1, -1, 0.333, 1, -1, 1],
  'concave-hexagon': [-1, -0.95, -0.75, 0, -1, 0.95, 1, 0.95, 0.75, 0, 1, -0.95],
  tag: [-1, -1, 0.25, -1, 1, 0, 0.25, 1, -1, 1],
};

/** Short decimal numbers keep the SVG small and stable across runs. */
export function fmt(v: number): string {
  const r = Math.round(v * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}

function toPoints(unit: Unit, x: number, y: number, w: number, h: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < unit.length; i += 2) {
    out.push([x + (w / 2) * (unit[i] ?? 0), y + (h / 2) * (unit[i + 1] ?? 0)]);
  }
  return out;
}

function polygonPath(pts: [number, number][]): string {
  return `${pts.map(([px, py], i) => `${i === 0 ? 'M' : 'L'}${fmt(px)} ${fmt(py)}`).join(' ')} Z`;
}

/** A polygon whose corners are arcs of radius `r` tangent to both sides (the `round-*` shapes). */
function roundPolygonPath(pts: [number, number][], r: number): string {
  const n = pts.length;
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    const [px, py] = pts[i] ?? [0, 0];
    const [ax, ay] = pts[(i + n - 1) % n] ?? [0, 0];
    const [bx, by] = pts[(i + 1) % n] ?? [0, 0];
    const la = Math.hypot(ax - px, ay - py) || 1;
    const lb = Math.hypot(bx - px, by - py) || 1;
    const ua = [(ax - px) / la, (ay - py) / la] as const;
    const ub = [(bx - px) / lb, (by - py) / lb] as const;
    const angle = Math.acos(Math.max(-1, Math.min(1, ua[0] * ub[0] + ua[1] * ub[1])));
    // The arc may not run past the middle of either side.
    const t = Math.min(r / Math.tan(angle / 2), la / 2, lb / 2);
    const radius = t * Math.tan(angle / 2);
    const sweep = ua[0] * ub[1] - ua[1] * ub[0] < 0 ? 1 : 0;
    const s = `${fmt(px + ua[0] * t)} ${fmt(py + ua[1] * t)}`;
    const e = `${fmt(px + ub[0] * t)} ${fmt(py + ub[1] * t)}`;
    parts.push(`${i === 0 ? 'M' : 'L'}${s} A${fmt(radius)} ${fmt(radius)} 0 0 ${sweep} ${e}`);
  }
  return `${parts.join(' ')} Z`;
}

function roundRectPath(x: number, y: number, w: number, h: number, r: number): string {
  const x1 = x - w / 2;
  const x2 = x + w / 2;
  const y1 = y - h / 2;
  const y2 = y + h / 2;
  const a = `A${fmt(r)} ${fmt(r)} 0 0 1`;
  return [
    `M${fmt(x1 + r)} ${fmt(y1)}`,
    `L${fmt(x2 - r)} ${fmt(y1)} ${a} ${fmt(x2)} ${fmt(y1 + r)}`,
    `L${fmt(x2)} ${fmt(y2 - r)} ${a} ${fmt(x2 - r)} ${fmt(y2)}`,
    `L${fmt(x1 + r)} ${fmt(y2)} ${a} ${fmt(x1)} ${fmt(y2 - r)}`,
    `L${fmt(x1)} ${fmt(y1 + r)} ${a} ${fmt(x1 + r)} ${fmt(y1)} Z`,
  ].join(' ');
}

/**
 * The SVG path of a node outline centred on (x, y). Unknown shapes (barrel, custom polygons)
 * fall back to a rectangle rather than disappearing.
 */
export function nodeShapePath(
  shape: string,
  x: number,
  y: number,
  w: number,
  h: number,
  cornerRadius: number | 'auto' = 'auto',
): string {
  const name = shape === 'roundrectangle' ? 'round-rectangle' : shape;
  if (name === 'ellipse') {
    const rx = w / 2;
    const ry = h / 2;
    return `M${fmt(x - rx)} ${fmt(y)} A${fmt(rx)} ${fmt(ry)} 0 1 0 ${fmt(x + rx)} ${fmt(y)} A${fmt(rx)} ${fmt(ry)} 0 1 0 ${fmt(x - rx)} ${fmt(y)} Z`;
  }
  if (name === 'round-rectangle') {
    const r =
      cornerRadius === 'auto' ? Math.min(w / 4, h / 4, 8) : Math.min(cornerRadius, w / 2, h / 2);
    return roundRectPath(x, y, w, h, r);
  }
  if (name === 'cut-rectangle' || name === 'cutrectangle') {
    const c = cornerRadius === 'auto' ? 8 : cornerRadius;
    const [x1, x2, y1, y2] = [x - w / 2, x + w / 2, y - h / 2, y + h / 2];
    return polygonPath([
      [x1 + c, y1],
      [x2 - c, y1],
      [x2, y1 + c],
      [x2, y2 - c],
      [x2 - c, y2],
      [x1 + c, y2],
      [x1, y2 - c],
      [x1, y1 + c],
    ]);
  }
  if (name.startsWith('round-')) {
    const base = polygons[name.slice('round-'.length)];
    if (base) {
      const r = cornerRadius === 'auto' ? Math.min(w / 10, h / 10, 8) : cornerRadius;
      return roundPolygonPath(toPoints(base, x, y, w, h), r);
    }
  }
  return polygonPath(toPoints(polygons[name] ?? polygons.rectangle ?? [], x, y, w, h));
}
