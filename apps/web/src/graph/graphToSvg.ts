import { escapeXml } from './escapeXml';
import { fmt, nodeShapePath } from './nodeShapePath';
import type { SvgEdge, SvgLabel, SvgLineStyle, SvgNode, SvgPoint, SvgScene } from './svgScene';

/** How to export. */
export interface GraphToSvgOptions {
  /** Output pixels per model pixel (the toolbar's 1x..4x). */
  scale: number;
  /** Theme background colour, painted under the graph (and in the gap of double borders). */
  background: string;
}

type Attrs = Record<string, string | number | undefined>;

function el(name: string, attrs: Attrs, children?: string): string {
  const a = Object.entries(attrs)
    .filter((kv): kv is [string, string | number] => kv[1] !== undefined)
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? fmt(v) : escapeXml(v)}"`)
    .join('');
  return children === undefined ? `<${name}${a}/>` : `<${name}${a}>${children}</${name}>`;
}

/** Opacity attributes are left out at 1 to keep the file small. */
function opacity(v: number): number | undefined {
  return v >= 1 ? undefined : Math.max(0, v);
}

function dashArray(style: SvgLineStyle, dash: number[]): string | undefined {
  if (style === 'dotted') return '1 1';
  if (style === 'dashed' && dash.length > 0) return dash.map(fmt).join(' ');
  return undefined;
}

/**
 * The text of a label. Cytoscape stacks lines `fontSize * lineHeight` apart and centres the block
 * on (x, y), each line `fontSize` tall and drawn on its bottom edge; the baseline is the font's
 * descent above that edge (an explicit alphabetic baseline reads the same in every SVG viewer).
 */
function labelSvg(l: SvgLabel): string {
  const n = l.lines.length;
  if (n === 0) return '';
  const step = l.fontSize * l.lineHeight;
  const blockH = n * l.fontSize + (n - 1) * (l.lineHeight - 1) * l.fontSize;
  const firstBottom = l.y + blockH / 2 - (n - 1) * step;
  let out = '';
  if (l.background && l.background.opacity > 0) {
    const pad = l.background.padding;
    out += el('rect', {
      x: l.x - l.width / 2 - pad,
      y: l.y - blockH / 2 - pad,
      width: l.width + 2 * pad,
      height: blockH + 2 * pad,
      rx: l.background.rounded ? 2 : undefined,
      fill: l.background.color,
      'fill-opacity': opacity(l.background.opacity),
    });
  }
  const spans = l.lines
    .map((line, i) =>
      el('tspan', { x: l.x, y: firstBottom + i * step - l.descent }, escapeXml(line)),
    )
    .join('');
  out += el(
    'text',
    {
      'text-anchor': 'middle',
      'font-family': l.fontFamily,
      'font-size': l.fontSize,
      'font-weight': l.fontWeight === 'normal' ? undefined : l.fontWeight,
      'font-style': l.fontStyle === 'normal' ? undefined : l.fontStyle,
      fill: l.color,
      'fill-opacity': opacity(l.opacity),
    },
    spans,
  );
  return out;
}

function nodeSvg(n: SvgNode, background: string): string {
  const d = nodeShapePath(n.shape, n.x, n.y, n.width, n.height, n.cornerRadius);
  const b = n.border;
  let body = el('path', {
    d,
    fill: n.fill,
    'fill-opacity': opacity(n.fillOpacity),
    stroke: b.width > 0 ? b.color : undefined,
    'stroke-width': b.width > 0 ? b.width : undefined,
    'stroke-opacity': b.width > 0 ? opacity(b.opacity) : undefined,
    'stroke-dasharray': b.width > 0 ? dashArray(b.style, b.dash) : undefined,
  });
  // Cytoscape draws a double border as one wide stroke with its middle third erased.
  if (b.style === 'double' && b.width > 0) {
    body += el('path', { d, fill: 'none', stroke: background, 'stroke-width': b.width / 3 });
  }
  if (n.label) body += labelSvg(n.label);
  if (n.overlay && n.overlay.opacity > 0) {
    const p = n.overlay.padding;
    body += el('path', {
      d: nodeShapePath('round-rectangle', n.x, n.y, n.width + 2 * p, n.height + 2 * p),
      fill: n.overlay.color,
      'fill-opacity': opacity(n.overlay.opacity),
    });
  }
  return el('g', { 'data-id': n.id, opacity: opacity(n.opacity) }, body);
}

function qAt(a: number, b: number, c: number, t: number): number {
  return (1 - t) * (1 - t) * a + 2 * (1 - t) * t * b + t * t * c;
}

/** Moves `to` back towards `from` by `by` px (the arrow gap). */
function shorten(to: SvgPoint, from: SvgPoint, by: number): SvgPoint {
  const len = Math.hypot(to.x - from.x, to.y - from.y);
  if (len === 0 || by <= 0) return to;
  const t = Math.min(by, len) / len;
  return { x: to.x - (to.x - from.x) * t, y: to.y - (to.y - from.y) * t };
}

function edgeSvg(e: SvgEdge): string {
  const ctrl = e.curve === 'straight' ? [] : e.control;
  const last = ctrl[ctrl.length - 1] ?? e.source;
  const end = shorten(e.target, last, e.arrow?.gap ?? 0);
  const p = (pt: SvgPoint): string => `${fmt(pt.x)} ${fmt(pt.y)}`;
  let d = `M${p(e.source)}`;
  // Where the line comes from just before the tip: the arrow points along it.
  let before: SvgPoint = e.source;
  if (e.curve === 'bezier' && ctrl.length > 0) {
    // Cytoscape's multibezier: quadratic curves through the control points, joined at their midpoints.
    const pts: SvgPoint[] = [e.source];
    ctrl.forEach((c, i) => {
      pts.push(c);
      const next = ctrl[i + 1];
      if (next) pts.push({ x: (c.x + next.x) / 2, y: (c.y + next.y) / 2 });
    });
    pts.push(end);
    for (let i = 1; i + 1 < pts.length; i += 2)
      d += ` Q${p(pts[i] ?? end)} ${p(pts[i + 1] ?? end)}`;
    const [a, b] = [pts[pts.length - 3] ?? e.source, pts[pts.length - 2] ?? e.source];
    before = { x: qAt(a.x, b.x, end.x, 0.9), y: qAt(a.y, b.y, end.y, 0.9) };
  } else {
    for (const c of ctrl) d += ` L${p(c)}`;
    d += ` L${p(end)}`;
    before = last;
  }
  let body = el('path', {
    d,
    fill: 'none',
    stroke: e.color,
    'stroke-width': e.width,
    'stroke-dasharray': dashArray(e.style, e.dash),
    'stroke-linejoin': 'round',
    'stroke-opacity': opacity(e.lineOpacity),
  });
  if (e.arrow && e.arrow.shape !== 'none') body += arrowSvg(e, before);
  if (e.label) body += labelSvg(e.label);
  return el('g', { 'data-id': e.id, opacity: opacity(e.opacity) }, body);
}

/** Cytoscape's triangle arrow: tip on the target border, 0.3 x size long, 0.3 x size wide. */
function arrowSvg(e: SvgEdge, before: SvgPoint): string {
  const a = e.arrow;
  if (!a) return '';
  const angle = Math.atan2(e.target.y - before.y, e.target.x - before.x) - Math.PI / 2;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const unit =
    a.shape === 'vee' ? [-0.15, -0.3, 0, 0, 0.15, -0.3, 0, -0.15] : [-0.15, -0.3, 0, 0, 0.15, -0.3];
  const pts: string[] = [];
  for (let i = 0; i + 1 < unit.length; i += 2) {
    const ux = unit[i] ?? 0;
    const uy = unit[i + 1] ?? 0;
    pts.push(
      `${fmt(e.target.x + (ux * cos - uy * sin) * a.size)},${fmt(e.target.y + (ux * sin + uy * cos) * a.size)}`,
    );
  }
  return el('polygon', {
    points: pts.join(' '),
    fill: a.color,
    'fill-opacity': opacity(e.lineOpacity),
  });
}

/**
 * A standalone SVG document of a drawn graph: the whole scene (not just the viewport) on the
 * theme background, `scale` output pixels per model pixel. Every string from the dump goes
 * through `escapeXml`, so labels are text and never markup.
 */
export function graphToSvg(scene: SvgScene, opts: GraphToSvgOptions): string {
  const { x1, y1 } = scene.bounds;
  // Same size rule as Cytoscape's full PNG export: the bounding box rounded up, times the scale.
  const w = Math.max(1, Math.ceil(scene.bounds.w));
  const h = Math.max(1, Math.ceil(scene.bounds.h));
  const body = [
    el('rect', { x: x1, y: y1, width: w, height: h, fill: opts.background }),
    el('g', { class: 'edges' }, scene.edges.map(edgeSvg).join('')),
    el('g', { class: 'nodes' }, scene.nodes.map((n) => nodeSvg(n, opts.background)).join('')),
  ].join('\n');
  const root = el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      width: w * opts.scale,
      height: h * opts.scale,
      viewBox: `${fmt(x1)} ${fmt(y1)} ${w} ${h}`,
    },
    `\n${body}\n`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${root}\n`;
}
