import type { Core } from 'cytoscape';
import { useEffect } from 'react';
import type { TopoModel } from './topoModel';

/** `window.__meshlensTopology`: what the page draws, for the browser tests. */
export interface MeshlensTopologyHook {
  ready: boolean;
  mode: string;
  nodeIds(): string[];
  edgeIds(): string[];
  dashedEdgeIds(): string[];
  flaggedEdgeIds(): string[];
  foundIds(): string[];
  hiddenIds(): string[];
  /** Which Cytoscape renderer draws: `webgl` when it holds a WebGL2 context, else `canvas`. */
  renderer(): 'webgl' | 'canvas' | 'none';
  /** Where a drawn element is on screen (page coordinates), if drawn. */
  clientPosition(id: string): { x: number; y: number } | undefined;
  /** Drawn boxes: collapsed or not, and how many nodes a collapsed one holds. */
  boxes(): { id: string; box: string; collapsed: boolean; members: number }[];
  /** Drawn edges with their ends and values. */
  edges(): {
    id: string;
    source: string;
    target: string;
    rps?: number;
    dashed: boolean;
    flagged: boolean;
  }[];
}

declare global {
  interface Window {
    __meshlensTopology?: MeshlensTopologyHook;
  }
}

/** Publishes the drawn graph on `window.__meshlensTopology`. */
export function useTopologyTestHook(
  drawn: TopoModel,
  found: readonly string[],
  hidden: readonly string[],
  ready: boolean,
  mode: string,
  cy: Core | undefined,
): void {
  useEffect(() => {
    window.__meshlensTopology = {
      ready,
      mode,
      renderer: () => {
        if (!cy) return 'none';
        // Cytoscape keeps its layer contexts here; WebGL mode adds a WebGL2 one.
        const r = (cy as unknown as { renderer(): { data?: { contexts?: unknown[] } } }).renderer();
        const contexts = r.data?.contexts ?? [];
        return contexts.some(
          (c) =>
            typeof WebGL2RenderingContext !== 'undefined' && c instanceof WebGL2RenderingContext,
        )
          ? 'webgl'
          : 'canvas';
      },
      clientPosition: (id) => {
        const el = cy?.getElementById(id);
        if (!cy || !el || el.empty()) return undefined;
        const box = cy.container()?.getBoundingClientRect();
        const bb = el.renderedBoundingBox({ includeLabels: false });
        return box
          ? { x: box.left + (bb.x1 + bb.x2) / 2, y: box.top + (bb.y1 + bb.y2) / 2 }
          : undefined;
      },
      boxes: () =>
        drawn.nodes
          .filter((n) => n.box !== undefined)
          .map((n) => ({
            id: n.id,
            box: n.box ?? '',
            collapsed: n.collapsed === true,
            members: n.members ?? 0,
          })),
      nodeIds: () => drawn.nodes.map((n) => n.id),
      edgeIds: () => drawn.edges.map((e) => e.id),
      dashedEdgeIds: () => drawn.edges.filter((e) => e.dashed === true).map((e) => e.id),
      flaggedEdgeIds: () => drawn.edges.filter((e) => e.flagged !== undefined).map((e) => e.id),
      foundIds: () => [...found],
      hiddenIds: () => [...hidden],
      edges: () =>
        drawn.edges.map((e) => ({
          id: e.id,
          source: e.source,
          target: e.target,
          ...(e.rps !== undefined ? { rps: e.rps } : {}),
          dashed: e.dashed === true,
          flagged: e.flagged !== undefined,
        })),
    };
  }, [drawn, found, hidden, ready, mode, cy]);
  useEffect(
    () => () => {
      delete window.__meshlensTopology;
    },
    [],
  );
}
