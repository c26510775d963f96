import type { ElementDefinition } from 'cytoscape';
import type { ProxyGraph } from '@meshlens/proxy-graph';
import { columnLayout } from './columnLayout';
import { shortenLabel } from './shortenLabel';

/** Node width and height in graph pixels; labels are cut to fit (full names are in the panel). */
export const nodeSize = { width: 230, height: 44 };

/**
 * Turns the neutral graph into Cytoscape elements with preset positions from the column layout.
 * Labels are plain text (Cytoscape draws them on a canvas, never as HTML).
 */
export function toCytoscapeElements(graph: ProxyGraph): ElementDefinition[] {
  const positions = columnLayout(graph.nodes, graph.edges);
  const out: ElementDefinition[] = [];
  for (const n of graph.nodes) {
    // The cluster-local suffix is on almost every Istio name and says nothing on a canvas
    // (the side panel and search keep the full names).
    const label = shortenLabel(n.label.replace(/\.svc\.cluster\.local\b/g, ''), 33);
    const display = n.sublabel ? `${label}\n${shortenLabel(n.sublabel, 36)}` : label;
    const classes: string[] = [n.kind];
    if (n.kind === 'group' && n.memberKind) classes.push(`of-${n.memberKind}`);
    if (n.ghost) classes.push(n.missingSection ? 'ghost-unknown' : 'ghost');
    if (n.state === 'warming' || n.state === 'draining' || n.state === 'error')
      classes.push(`state-${n.state}`);
    if (n.kind === 'endpoint' && n.state && n.state !== 'HEALTHY' && n.state !== 'UNKNOWN') {
      classes.push('unhealthy');
    }
    out.push({
      group: 'nodes',
      data: { id: n.id, label: display, kind: n.kind },
      position: positions.get(n.id) ?? { x: 0, y: 0 },
      classes: classes.join(' '),
    });
  }
  for (const e of graph.edges) {
    out.push({
      group: 'edges',
      data: { id: e.id, source: e.source, target: e.target, label: e.label ?? '' },
      classes: e.label ? `${e.kind} labelled` : e.kind,
    });
  }
  return out;
}
