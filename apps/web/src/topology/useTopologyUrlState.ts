import { useCallback, useEffect, useState } from 'react';
import { decodeTopoUrlState, encodeTopoUrlState, type TopoUrlState } from './topoUrlState';

/**
 * The topology page's URL-backed state. The app's own URL state rewrites the query string from
 * its fields only, so this effect runs after every render of its host and puts the page's keys
 * back (call it after `useUrlState`, in the same component).
 */
export function useTopologyUrlState(): [
  TopoUrlState,
  (update: (prev: TopoUrlState) => TopoUrlState) => void,
] {
  const [state, setState] = useState<TopoUrlState>(() =>
    decodeTopoUrlState(new URLSearchParams(window.location.search)),
  );
  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    encodeTopoUrlState(state, params);
    const qs = params
      .toString()
      .replace(/^topo=(&|$)/, 'topo$1')
      .replace(/&topo=(&|$)/, '&topo$1');
    const next = `${window.location.pathname}${qs ? `?${qs}` : ''}${window.location.hash}`;
    const current = `${window.location.pathname}${window.location.search}${window.location.hash}`;
    if (next !== current) window.history.replaceState(window.history.state, '', next);
  });
  const update = useCallback((fn: (prev: TopoUrlState) => TopoUrlState) => setState(fn), []);
  return [state, update];
}
