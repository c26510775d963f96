// Cytoscape style of the topology graph: shapes per node type, health colours by error rate,
// dashed config-only edges, flagged unexplained traffic, boxes as compound nodes.
import type cytoscape from 'cytoscape';
import type { StylesheetJson } from 'cytoscape';
import type { GraphPalette } from '../graph/graphTheme';

/** Node shape per type (Kiali's conventions: app square, workload circle, service triangle). */
export const topoShapes: Record<string, string> = {
  app: 'round-rectangle',
  workload: 'ellipse',
  service: 'triangle',
  gateway: 'hexagon',
  serviceEntry: 'diamond',
  virtualService: 'tag',
  subset: 'round-diamond',
  sidecar: 'vee',
  unknown: 'octagon',
};

/** Health colours (fills tinted, borders full). */
export const healthColours = {
  healthy: '#16a34a',
  degraded: '#f59e0b',
  failure: '#dc2626',
  idle: '#64748b',
} as const;

/**
 * The stylesheet for a palette. `large`: straight edges (bezier control points for ~10,000 edges
 * cost seconds on every full redraw, and bundling parallel edges matters little at that size).
 */
export function topoStyle(p: GraphPalette, large = false): StylesheetJson {
  const sheet: StylesheetJson = [
    {
      selector: 'node',
      style: {
        shape: (n: cytoscape.NodeSingular) =>
          (topoShapes[n.data('kind') as string] ?? 'ellipse') as cytoscape.Css.NodeShape,
        width: 34,
        height: 34,
        'background-color': p.bg,
        'border-width': 3,
        'border-color': (n: cytoscape.NodeSingular) =>
          healthColours[n.data('health') as keyof typeof healthColours] ?? healthColours.idle,
        label: 'data(label)',
        color: p.fg,
        'font-size': 11,
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'ellipsis',
        'text-max-width': '140px',
        // Labels too small to read are not drawn: a zoomed-out 5,000-node graph spends its
        // frames (and WebGL label textures) on shapes and edges instead.
        'min-zoomed-font-size': 6,
      },
    },
    { selector: 'node[kind = "virtualService"]', style: { 'border-color': '#7c3aed' } },
    {
      selector: 'node[kind = "subset"]',
      style: { 'border-color': '#0891b2', width: 26, height: 26 },
    },
    { selector: 'node[kind = "gateway"]', style: { 'background-color': '#dbeafe' } },
    {
      selector: 'node[kind = "box"]',
      style: {
        shape: 'round-rectangle',
        'background-color': p.fg,
        'background-opacity': 0.04,
        'border-width': 1,
        'border-color': p.muted,
        'border-style': 'dashed',
        'text-valign': 'top',
        'text-halign': 'center',
        'text-margin-y': -4,
        'font-size': 12,
        'font-weight': 'bold',
        color: p.muted,
        padding: '16px',
      },
    },
    { selector: 'node[box = "cluster"]', style: { 'border-style': 'solid', 'border-width': 2 } },
    { selector: 'node[box = "app"]', style: { 'border-style': 'dotted', 'font-size': 10 } },
    {
      selector: 'node[?collapsed]',
      style: {
        shape: 'round-rectangle',
        width: 160,
        height: 56,
        'text-wrap': 'wrap',
        'text-max-width': '150px',
        'text-valign': 'center',
        'text-margin-y': 0,
        'background-opacity': 0.15,
        'border-style': 'double',
        'border-width': 4,
      },
    },
    {
      selector: 'edge',
      style: {
        width: 1.6,
        'curve-style': 'bezier',
        'line-color': p.edge,
        'target-arrow-shape': 'triangle',
        'target-arrow-color': p.edge,
        'arrow-scale': 0.8,
        label: 'data(label)',
        'font-size': 9,
        color: p.fg,
        'text-background-color': p.bg,
        'text-background-opacity': 0.85,
        'text-background-padding': '2px',
        'text-rotation': 'autorotate',
        'min-zoomed-font-size': 6,
      },
    },
    { selector: 'edge[kind = "traffic"]', style: { width: 2.2 } },
    {
      selector: 'edge[health = "degraded"]',
      style: { 'line-color': healthColours.degraded, 'target-arrow-color': healthColours.degraded },
    },
    {
      selector: 'edge[health = "failure"]',
      style: { 'line-color': healthColours.failure, 'target-arrow-color': healthColours.failure },
    },
    { selector: 'edge[kind = "reaches"]', style: { width: 1, 'line-opacity': 0.5 } },
    {
      selector: 'edge[kind = "routes"]',
      style: { 'line-color': '#7c3aed', 'target-arrow-color': '#7c3aed' },
    },
    {
      selector: 'edge[?dashed]',
      style: {
        'line-style': 'dashed',
        'line-dash-pattern': [6, 4],
        'line-opacity': 0.8,
        width: 1.4,
      },
    },
    {
      selector: 'edge[?flagged]',
      style: {
        width: 3,
        'line-color': '#ea580c',
        'target-arrow-color': '#ea580c',
        'text-background-color': '#ea580c',
        'text-background-opacity': 1,
        color: '#ffffff',
      },
    },
    { selector: '.dimmed', style: { opacity: 0.2 } },
    {
      selector: 'node.found',
      style: { 'overlay-color': p.accent, 'overlay-opacity': 0.25, 'overlay-padding': 6 },
    },
    {
      selector: 'edge.found',
      style: { width: 4, 'line-color': p.accent, 'target-arrow-color': p.accent },
    },
    { selector: 'node.selected', style: { 'border-color': p.accent, 'border-width': 5 } },
    {
      selector: 'edge.selected',
      style: { width: 4, 'line-color': p.accent, 'target-arrow-color': p.accent },
    },
  ];
  if (large) sheet.push({ selector: 'edge', style: { 'curve-style': 'straight' } });
  return sheet;
}
