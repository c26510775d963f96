import type { Core } from 'cytoscape';
import { useEffect, useRef } from 'react';

/** What browser tests can read and drive on `window.__meshlensGraph`. */
export interface MeshlensGraphHook {
  /** Ids of every drawn node. */
  nodeIds(): string[];
  /** Ids of every drawn edge. */
  edgeIds(): string[];
  /** Ids of the drawn nodes whose box intersects the current viewport. */
  visibleNodeIds(): string[];
  /** Ids of the nodes highlighted by the search. */
  highlightedNodeIds(): string[];
  select(id: string): void;
  focus(id: string | undefined): void;
  /** True once the current graph is drawn and laid out. */
  ready: boolean;
}

declare global {
  interface Window {
    __meshlensGraph?: MeshlensGraphHook;
  }
}

/** Publishes `window.__meshlensGraph` while a graph is shown; removes it on unmount. */
export function useGraphTestHook(
  cy: Core | undefined,
  matches: readonly string[],
  select: (id: string) => void,
  focus: (id: string | undefined) => void,
): void {
  const live = useRef({ matches, select, focus });
  live.current = { matches, select, focus };
  useEffect(() => {
    const hook: MeshlensGraphHook = {
      nodeIds: () => (cy ? cy.nodes().map((n) => n.id()) : []),
      edgeIds: () => (cy ? cy.edges().map((e) => e.id()) : []),
      visibleNodeIds: () => {
        if (!cy) return [];
        const vp = cy.extent();
        return cy
          .nodes()
          .filter((n) => {
            const b = n.boundingBox();
            return b.x2 >= vp.x1 && b.x1 <= vp.x2 && b.y2 >= vp.y1 && b.y1 <= vp.y2;
          })
          .map((n) => n.id());
      },
      highlightedNodeIds: () => [...live.current.matches],
      select: (id) => live.current.select(id),
      focus: (id) => live.current.focus(id),
      ready: cy !== undefined,
    };
    window.__meshlensGraph = hook;
    return () => {
      if (window.__meshlensGraph === hook) delete window.__meshlensGraph;
    };
  }, [cy]);
}
