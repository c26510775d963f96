import { SNAPSHOT_QUERY_PARAM } from '@meshlens/contract';
import { type AppUrlState, decodeAppUrlState } from '../urlState/appUrlState';

/** The view state saved with a snapshot: the page's query string without `?` and without `snapshot=`. */
export function viewStateForSave(search: string): string {
  const params = new URLSearchParams(search);
  params.delete(SNAPSHOT_QUERY_PARAM);
  return params.toString();
}

/**
 * The app state that reopens a snapshot as it was saved: its view, table, filter, sort, graph
 * focus and selection, on the tab it was just opened as (`label`; the saved `dump` named the tab
 * of another session). The mesh page and the compare view are left closed: they are other pages,
 * not the view of this dump. An empty or missing view state gives the overview.
 */
export function applySnapshotViewState(viewState: string | null, label: string): AppUrlState {
  const { mesh: _mesh, diff: _diff, ...view } = decodeAppUrlState(viewState ?? '');
  return { ...view, dump: label };
}
