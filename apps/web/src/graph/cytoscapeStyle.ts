import type { Css, StylesheetJson } from 'cytoscape';
import type { GraphNodeKind } from '@meshlens/proxy-graph';
import type { GraphPalette } from './graphTheme';
import { nodeSize } from './toCytoscapeElements';

// One shape per kind, so kinds stay apart in greyscale prints too; graphToSvg draws every
// Cytoscape shape the same way the canvas does.
const shapes: Record<GraphNodeKind, Css.NodeShape> = {
  listener: 'round-rectangle',
  filter_chain: 'cut-rectangle',
  route_config: 'rectangle',
  virtual_host: 'round-rectangle',
  route: 'tag',
  cluster: 'round-rectangle',
  endpoint: 'round-rectangle',
  secret: 'hexagon',
  group: 'round-rectangle',
  ghost: 'round-rectangle',
  terminal: 'octagon',
};

const fontFamily =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** The Cytoscape stylesheet for a palette: shapes and colours per kind, ghosts red and dashed. */
export function cytoscapeStyle(p: GraphPalette): StylesheetJson {
  const kinds = Object.keys(shapes) as GraphNodeKind[];
  return [
    {
      selector: 'node',
      style: {
        width: nodeSize.width,
        height: nodeSize.height,
        label: 'data(label)',
        'font-family': fontFamily,
        'font-size': 11,
        color: p.fg,
        'text-wrap': 'wrap',
        'text-max-width': `${nodeSize.width - 14}px`,
        'text-valign': 'center',
        'text-halign': 'center',
        'line-height': 1.35,
        'border-width': 1.5,
        'min-zoomed-font-size': 6,
      },
    },
    ...kinds.map((k) => ({
      selector: `node.${k}`,
      style: {
        shape: shapes[k],
        'background-color': p.fill[k],
        'border-color': p.kind[k],
      },
    })),
    // Groups wear the colours of what they hold, with a double border.
    ...kinds.map((k) => ({
      selector: `node.group.of-${k}`,
      style: { 'background-color': p.fill[k], 'border-color': p.kind[k] },
    })),
    { selector: 'node.cluster', style: { 'border-width': 2 } },
    { selector: 'node.group', style: { 'border-style': 'double', 'border-width': 4 } },
    {
      selector: 'node.ghost, node.ghost-unknown',
      style: { 'border-style': 'dashed', 'border-width': 2, color: p.danger },
    },
    { selector: 'node.ghost-unknown', style: { 'border-color': p.muted, color: p.muted } },
    {
      selector: 'node.unhealthy, node.state-error',
      style: { 'border-color': p.danger, 'border-width': 3 },
    },
    { selector: 'node.state-warming, node.state-draining', style: { 'border-style': 'dotted' } },
    {
      selector: 'edge',
      style: {
        width: 1.3,
        'line-color': p.edge,
        'target-arrow-color': p.edge,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        'curve-style': 'bezier',
        'font-family': fontFamily,
        'font-size': 11,
        color: p.fg,
      },
    },
    {
      selector: 'edge.labelled',
      style: {
        label: 'data(label)',
        'text-background-color': p.bg,
        'text-background-opacity': 1,
        'text-background-padding': '2px',
        'text-background-shape': 'roundrectangle',
        'font-weight': 'bold',
      },
    },
    {
      selector: 'edge.weighted',
      style: { width: 2.2, 'line-color': p.accent, 'target-arrow-color': p.accent },
    },
    { selector: 'edge.mirror', style: { 'line-style': 'dashed' } },
    // TLS material, not traffic: thin and dotted in the secret's colour.
    {
      selector: 'edge.sds',
      style: {
        'line-style': 'dotted',
        'line-color': p.kind.secret,
        'target-arrow-color': p.kind.secret,
      },
    },
    { selector: 'edge.reconnected', style: { 'line-style': 'dotted', width: 1.6 } },
    {
      selector: 'edge[target ^= "ghost:"]',
      style: { 'line-color': p.danger, 'target-arrow-color': p.danger, 'line-style': 'dashed' },
    },
    { selector: '.dimmed', style: { opacity: 0.18 } },
    // A traced request's path: thick accent borders and edges, drawn above the dimmed rest.
    {
      // The whole path is fitted into view, often below the zoom where labels are culled: the
      // path's own labels stay drawn, so the lit route can be read without zooming in.
      selector: 'node.traced',
      style: {
        'border-color': p.accent,
        'border-width': 4,
        'font-weight': 'bold',
        'min-zoomed-font-size': 0,
      },
    },
    {
      selector: 'edge.traced',
      style: { width: 4, 'line-color': p.accent, 'target-arrow-color': p.accent, 'z-index': 10 },
    },
    { selector: 'node.match', style: { 'border-color': p.accent, 'border-width': 4 } },
    {
      selector: 'node:selected, node.selected',
      style: { 'overlay-color': p.accent, 'overlay-opacity': 0.18, 'overlay-padding': 6 },
    },
    { selector: 'node.current', style: { 'border-width': 6 } },
    {
      selector: 'node.focus-root',
      style: { 'border-width': 4, 'border-color': p.accent, 'font-weight': 'bold' },
    },
  ];
}
