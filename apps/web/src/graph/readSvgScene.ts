import type { Core, EdgeSingular, NodeSingular, SingularElementArgument } from 'cytoscape';
import type { SvgEdge, SvgLabel, SvgLineStyle, SvgNode, SvgScene } from './svgScene';
import { type MeasureText, wrapLabel } from './wrapLabel';

/** Text metrics of one CSS font: line widths, and the font's descent below the baseline. */
export interface FontMetrics {
  measure: MeasureText;
  descent: number;
}

/** Makes the metrics of a CSS font (the export uses a canvas, like Cytoscape does). */
export type MeasureFactory = (font: string) => FontMetrics;

/** Canvas text measurement, cached per font; Cytoscape rounds each line width up. */
export function canvasMeasure(): MeasureFactory {
  const ctx = document.createElement('canvas').getContext('2d');
  const cache = new Map<string, FontMetrics>();
  return (font) => {
    const known = cache.get(font);
    if (known) return known;
    const widths = new Map<string, number>();
    if (ctx) ctx.font = font;
    const size = Number(/([\d.]+)px/.exec(font)?.[1] ?? 11);
    const metrics: FontMetrics = {
      measure: (text) => {
        let w = widths.get(text);
        if (w === undefined) {
          if (ctx) ctx.font = font;
          // Without a 2D context (never in a real browser) fall back to an average glyph width.
          w = ctx ? Math.ceil(ctx.measureText(text).width) : text.length * size * 0.55;
          widths.set(text, w);
        }
        return w;
      },
      // Cytoscape draws each line with textBaseline 'bottom', which Chromium puts at the font's
      // descent below the baseline.
      descent: ctx?.measureText('Mg').fontBoundingBoxDescent ?? size * 0.23,
    };
    cache.set(font, metrics);
    return metrics;
  };
}

const lineStyles: readonly string[] = ['solid', 'dashed', 'dotted', 'double'];

function str(ele: SingularElementArgument, prop: string): string {
  const v: unknown = ele.style(prop);
  return typeof v === 'string' ? v : String(v ?? '');
}

function num(ele: SingularElementArgument, prop: string, fallback = 0): number {
  const v: unknown = ele.numericStyle(prop);
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

function nums(ele: SingularElementArgument, prop: string): number[] {
  const v: unknown = ele.numericStyle(prop);
  return Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : [];
}

function lineStyle(ele: SingularElementArgument, prop: string): SvgLineStyle {
  const v = str(ele, prop);
  return lineStyles.includes(v) ? (v as SvgLineStyle) : 'solid';
}

/** The label as the canvas draws it: font, colour and the wrapped lines, centred on `at`. */
function readLabel(
  ele: SingularElementArgument,
  at: { x: number; y: number },
  measureFor: MeasureFactory,
): SvgLabel | undefined {
  const text = str(ele, 'label');
  if (text === '') return undefined;
  const fontStyle = str(ele, 'font-style') || 'normal';
  const fontWeight = str(ele, 'font-weight') || 'normal';
  const fontSize = num(ele, 'font-size', 11);
  const fontFamily = str(ele, 'font-family');
  const { measure, descent } = measureFor(`${fontStyle} ${fontWeight} ${fontSize}px ${fontFamily}`);
  const transform = str(ele, 'text-transform');
  const shown =
    transform === 'uppercase'
      ? text.toUpperCase()
      : transform === 'lowercase'
        ? text.toLowerCase()
        : text;
  const wrap = str(ele, 'text-wrap');
  const lines = wrapLabel(
    shown,
    {
      wrap: wrap === 'wrap' || wrap === 'ellipsis' ? wrap : 'none',
      maxWidth: num(ele, 'text-max-width', Infinity),
      anywhere: str(ele, 'text-overflow-wrap') === 'anywhere',
    },
    measure,
  );
  const label: SvgLabel = {
    lines,
    x: at.x + num(ele, 'text-margin-x'),
    y: at.y + num(ele, 'text-margin-y'),
    width: Math.max(0, ...lines.map(measure)),
    fontSize,
    fontFamily,
    fontWeight,
    fontStyle,
    lineHeight: num(ele, 'line-height', 1),
    descent,
    color: str(ele, 'color'),
    opacity: num(ele, 'text-opacity', 1),
  };
  const bgOpacity = num(ele, 'text-background-opacity');
  if (bgOpacity > 0) {
    const shape = str(ele, 'text-background-shape');
    label.background = {
      color: str(ele, 'text-background-color'),
      opacity: bgOpacity,
      padding: num(ele, 'text-background-padding'),
      rounded: shape === 'round-rectangle' || shape === 'roundrectangle',
    };
  }
  return label;
}

function readNode(n: NodeSingular, measure: MeasureFactory): SvgNode {
  const pos = n.position();
  const padding = num(n, 'padding');
  const radius: unknown = n.style('corner-radius');
  const node: SvgNode = {
    id: n.id(),
    x: pos.x,
    y: pos.y,
    width: n.width() + 2 * padding,
    height: n.height() + 2 * padding,
    shape: str(n, 'shape'),
    cornerRadius: radius === 'auto' || radius === undefined ? 'auto' : num(n, 'corner-radius'),
    fill: str(n, 'background-color'),
    fillOpacity: num(n, 'background-opacity', 1),
    border: {
      color: str(n, 'border-color'),
      width: num(n, 'border-width'),
      style: lineStyle(n, 'border-style'),
      dash: nums(n, 'border-dash-pattern'),
      opacity: num(n, 'border-opacity', 1),
    },
    opacity: n.effectiveOpacity(),
  };
  const label = readLabel(n, pos, measure);
  if (label) node.label = label;
  const overlayOpacity = num(n, 'overlay-opacity');
  if (overlayOpacity > 0) {
    node.overlay = {
      color: str(n, 'overlay-color'),
      opacity: overlayOpacity,
      padding: num(n, 'overlay-padding'),
    };
  }
  return node;
}

function readEdge(e: EdgeSingular, measure: MeasureFactory): SvgEdge {
  const control = e.controlPoints() ?? [];
  const segments = e.segmentPoints() ?? [];
  const width = num(e, 'width', 1);
  const arrowShape = str(e, 'target-arrow-shape');
  const arrowScale = num(e, 'arrow-scale', 1);
  const edge: SvgEdge = {
    id: e.id(),
    source: e.sourceEndpoint(),
    target: e.targetEndpoint(),
    curve: segments.length > 0 ? 'segments' : control.length > 0 ? 'bezier' : 'straight',
    control: segments.length > 0 ? segments : control,
    width,
    color: str(e, 'line-color'),
    style: lineStyle(e, 'line-style'),
    dash: nums(e, 'line-dash-pattern'),
    opacity: e.effectiveOpacity(),
    lineOpacity: num(e, 'line-opacity', 1),
  };
  if (arrowShape !== '' && arrowShape !== 'none') {
    edge.arrow = {
      shape: arrowShape,
      color: str(e, 'target-arrow-color'),
      // Cytoscape's getArrowWidth and the standard arrow gap.
      size: Math.max(Math.pow(width * 13.37, 0.9), 29) * arrowScale,
      gap: width * arrowScale * 2,
    };
  }
  const label = readLabel(e, e.midpoint(), measure);
  if (label) edge.label = label;
  return edge;
}

/**
 * Everything the canvas shows of the current graph, read from Cytoscape's computed positions
 * and styles: every visible node and edge, wherever the viewport is.
 */
export function readSvgScene(cy: Core, measure: MeasureFactory = canvasMeasure()): SvgScene {
  const visible = cy.elements(':visible');
  const bb = visible.boundingBox();
  return {
    bounds: { x1: bb.x1, y1: bb.y1, w: bb.w, h: bb.h },
    edges: visible.edges().map((e) => readEdge(e, measure)),
    nodes: visible.nodes().map((n) => readNode(n, measure)),
  };
}
