// The page's model as Cytoscape element definitions (data only: the stylesheet does the rest).
import type { ElementDefinition } from 'cytoscape';
import type { TopoEdge, TopoModel } from './topoModel';
import type { TopoEdgeLabel } from './topoUrlState';

import { lockGlyph } from './lockGlyph';

const fixed = (n: number, digits: number): string => n.toFixed(digits).replace(/\.?0+$/, '') || '0';

/** Formats bytes per second with a binary-free SI unit (what Kiali shows). */
export function formatBytes(bps: number): string {
  if (bps >= 1e6) return `${fixed(bps / 1e6, 1)} MB/s`;
  if (bps >= 1e3) return `${fixed(bps / 1e3, 1)} kB/s`;
  return `${fixed(bps, 0)} B/s`;
}

/** The label of an edge for the chosen metric (plus the mTLS lock, the weight or the flag badge). */
export function edgeLabel(e: TopoEdge, what: TopoEdgeLabel): string {
  const parts: string[] = [];
  if (e.flagged !== undefined) parts.push('! no config');
  if (e.mtls === true) parts.push(lockGlyph());
  if (e.weight !== undefined && e.kind === 'routes') parts.push(`${e.weight}%`);
  if (e.merged !== undefined && e.merged > 1) parts.push(`${e.merged} edges`);
  if (what === 'rps' && e.rps !== undefined) parts.push(`${fixed(e.rps, 2)} rps`);
  if (what === 'errors' && e.rps !== undefined) parts.push(`${fixed(e.errorPct ?? 0, 1)}% err`);
  if (what === 'p95' && e.p95 !== undefined) parts.push(`${fixed(e.p95, 0)} ms`);
  if (what === 'bytes' && e.bytes !== undefined) parts.push(formatBytes(e.bytes));
  return parts.join(' ');
}

/** Element definitions, parents before children (Cytoscape needs a parent to exist first). */
export function topoElements(model: TopoModel, labels: TopoEdgeLabel): ElementDefinition[] {
  const depth = new Map<string, number>();
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const depthOf = (id: string, guard = 0): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    const parent = byId.get(id)?.parent;
    const d =
      parent !== undefined && byId.has(parent) && guard < 8 ? depthOf(parent, guard + 1) + 1 : 0;
    depth.set(id, d);
    return d;
  };
  const nodes = [...model.nodes].sort((a, b) => depthOf(a.id) - depthOf(b.id));
  return [
    ...nodes.map((n) => {
      const { parent, ...data } = n;
      return {
        group: 'nodes' as const,
        data: { ...data, ...(parent !== undefined && byId.has(parent) ? { parent } : {}) },
      };
    }),
    ...model.edges.map((e) => ({
      group: 'edges' as const,
      data: { ...e, label: edgeLabel(e, labels) },
    })),
  ];
}
