/**
 * A drawn graph, as plain data: what the SVG exporter needs to repeat what the canvas shows.
 * Coordinates are Cytoscape model coordinates (not rendered pixels); colours are CSS colours.
 * Read from a live Cytoscape instance by `readSvgScene`, turned into SVG by `graphToSvg`.
 */
export interface SvgScene {
  /** The area to export (Cytoscape's `boundingBox()` of the visible elements, labels included). */
  bounds: { x1: number; y1: number; w: number; h: number };
  /** Drawn in this order, before the nodes (Cytoscape draws nodes above edges). */
  edges: SvgEdge[];
  nodes: SvgNode[];
}

/** A point in model coordinates. */
export interface SvgPoint {
  x: number;
  y: number;
}

/** Cytoscape `border-style` / `line-style`. */
export type SvgLineStyle = 'solid' | 'dashed' | 'dotted' | 'double';

/** A block of text centred on a point, already wrapped into the lines the canvas draws. */
export interface SvgLabel {
  lines: string[];
  /** Centre of the text block (Cytoscape `labelX` / `labelY`). */
  x: number;
  y: number;
  /** Widest line, as measured by the canvas (used for the edge label background). */
  width: number;
  fontSize: number;
  fontFamily: string;
  fontWeight: string;
  fontStyle: string;
  /** Cytoscape `line-height`, a multiple of the font size. */
  lineHeight: number;
  /** The font's descent in px: how far above the bottom of a line its baseline sits. */
  descent: number;
  color: string;
  /** `text-opacity` (the element's own opacity applies on top). */
  opacity: number;
  /** A filled box behind the text (edge labels), when `text-background-opacity` > 0. */
  background?: { color: string; opacity: number; padding: number; rounded: boolean };
}

/** A node as drawn. */
export interface SvgNode {
  id: string;
  /** Centre. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Cytoscape `shape` (rectangle, round-rectangle, cut-rectangle, ellipse, diamond, tag, ...). */
  shape: string;
  /** Cytoscape `corner-radius` in px, or 'auto'. */
  cornerRadius: number | 'auto';
  fill: string;
  /** `background-opacity` (the node's `opacity` applies on top). */
  fillOpacity: number;
  border: {
    color: string;
    width: number;
    style: SvgLineStyle;
    /** `border-dash-pattern` (used when dashed). */
    dash: number[];
    /** `border-opacity`. */
    opacity: number;
  };
  /** Effective opacity (dimmed nodes are faint); applies to the whole node with its label. */
  opacity: number;
  label?: SvgLabel;
  /** The selection overlay (`overlay-*`), when its opacity is above zero. */
  overlay?: { color: string; opacity: number; padding: number };
}

/** An arrowhead at the target end of an edge. */
export interface SvgArrow {
  /** Cytoscape `target-arrow-shape`; shapes other than triangle/vee/circle/square are drawn as triangles. */
  shape: string;
  color: string;
  /** Arrow size in px (Cytoscape's `getArrowWidth(width, arrow-scale)`). */
  size: number;
  /** How far before the tip the line stops (Cytoscape's arrow `gap`). */
  gap: number;
}

/** An edge as drawn. */
export interface SvgEdge {
  id: string;
  /** Where the line starts (`sourceEndpoint()`). */
  source: SvgPoint;
  /** The tip at the target's border (`targetEndpoint()`), where the arrowhead points. */
  target: SvgPoint;
  /** 'bezier': quadratic curves through `control`; 'segments': a polyline through `control`. */
  curve: 'straight' | 'bezier' | 'segments';
  control: SvgPoint[];
  width: number;
  color: string;
  style: SvgLineStyle;
  dash: number[];
  /** Effective opacity; applies to line, arrow and label together. */
  opacity: number;
  /** `line-opacity`, for the line and the arrow. */
  lineOpacity: number;
  arrow?: SvgArrow;
  label?: SvgLabel;
}
