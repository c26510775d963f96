import { useCallback, useEffect, useState } from 'react';
import { type AppUrlState, decodeAppUrlState, encodeAppUrlState } from './appUrlState';

/**
 * The app's URL-backed state. The URL is rewritten with `replaceState` (no history spam); the
 * fragment is left alone.
 */
export function useUrlState(): [AppUrlState, (update: (prev: AppUrlState) => AppUrlState) => void] {
  const [state, setState] = useState<AppUrlState>(() => decodeAppUrlState(window.location.search));

  useEffect(() => {
    const qs = encodeAppUrlState(state);
    const next = `${window.location.pathname}${qs ? `?${qs}` : ''}${window.location.hash}`;
    const current = `${window.location.pathname}${window.location.search}${window.location.hash}`;
    if (next !== current) window.history.replaceState(window.history.state, '', next);
  }, [state]);

  const update = useCallback((fn: (prev: AppUrlState) => AppUrlState) => setState(fn), []);
  return [state, update];
}
