import type { Core } from 'cytoscape';
import { useEffect, useRef } from 'react';
import type { GraphViewState } from './graphViewState';

/** What browser tests can read and drive on `window.__meshlensGraph`. */
export interface MeshlensGraphHook {
  /** Ids of every node of the current graph. */
  nodeIds(): string[];
  /** Ids of every edge of the current graph. */
  edgeIds(): string[];
  /**
   * Ids of the nodes shown now (focus, direction and hidden levels applied), whether or not
   * they are scrolled into the viewport.
   */
  visibleNodeIds(): string[];
  /** Ids of the nodes highlighted by the search. */
  highlightedNodeIds(): string[];
  /** Ids of the drawn nodes lit up as a traced request's path (empty without a trace). */
  tracedNodeIds(): string[];
  select(id: string): void;
  focus(id: string | undefined): void;
  /** True once the graph is drawn and every `select` / `focus` asked for has been drawn. */
  readonly ready: boolean;
}

declare global {
  interface Window {
    __meshlensGraph?: MeshlensGraphHook;
  }
}

type Pending = { key: 'selected' | 'focus'; id: string | undefined };

/** Publishes `window.__meshlensGraph` while a graph is shown; removes it on unmount. */
export function useGraphTestHook(
  cy: Core | undefined,
  state: GraphViewState,
  matches: readonly string[],
  traced: readonly string[],
  select: (id: string) => void,
  focus: (id: string | undefined) => void,
): void {
  const live = useRef({ state, matches, traced, select, focus });
  live.current = { state, matches, traced, select, focus };
  const pending = useRef<Pending | undefined>(undefined);
  // Runs after the canvas (a child) has drawn this render's graph: once the state asked for
  // is the state drawn, the hook is ready again.
  useEffect(() => {
    const p = pending.current;
    if (p && state[p.key] === p.id) pending.current = undefined;
  });
  useEffect(() => {
    const hook: MeshlensGraphHook = {
      nodeIds: () => (cy ? cy.nodes().map((n) => n.id()) : []),
      edgeIds: () => (cy ? cy.edges().map((e) => e.id()) : []),
      visibleNodeIds: () => (cy ? cy.nodes(':visible').map((n) => n.id()) : []),
      highlightedNodeIds: () => [...live.current.matches],
      tracedNodeIds: () => [...live.current.traced],
      // Asking for what is already shown re-renders nothing, so it must not wait for a render.
      select: (id) => {
        if (live.current.state.selected !== id) pending.current = { key: 'selected', id };
        live.current.select(id);
      },
      focus: (id) => {
        if (live.current.state.focus !== id) pending.current = { key: 'focus', id };
        live.current.focus(id);
      },
      get ready() {
        return cy !== undefined && pending.current === undefined;
      },
    };
    window.__meshlensGraph = hook;
    return () => {
      if (window.__meshlensGraph === hook) delete window.__meshlensGraph;
    };
  }, [cy]);
}
