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
): void {
  useEffect(() => {
    window.__meshlensTopology = {
      ready,
      mode,
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
  }, [drawn, found, hidden, ready, mode]);
  useEffect(
    () => () => {
      delete window.__meshlensTopology;
    },
    [],
  );
}
