import type { Core } from 'cytoscape';
import { useEffect, useRef } from 'react';

/** What browser tests can read and drive on `window.__meshlensGraph`. */
export interface MeshlensGraphHook {
  /** Ids of every node of the current graph. */
  nodeIds(): string[];
  /** Ids of every drawn edge. */
  edgeIds(): string[];
  /**
   * Ids of the nodes shown now (focus, direction and hidden levels applied), whether or not
   * they are scrolled into the viewport.
   */
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
      visibleNodeIds: () => (cy ? cy.nodes(':visible').map((n) => n.id()) : []),
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
