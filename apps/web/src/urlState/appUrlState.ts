import {
  decodeGraphViewState,
  encodeGraphViewState,
  type GraphViewState,
} from '../graph/graphViewState';
import { decodeMeshParams, encodeMeshUrlState, type MeshUrlState } from '../mesh/meshUrlState';
import { decodeDiffParams, encodeDiffUrlState, type DiffUrlState } from '../diff/diffUrlState';

/** The main views of an open dump; `trace` is the graph beside the "trace a request" form. */
export type AppView = 'overview' | 'graph' | 'tables' | 'trace';
/** The istioctl-style tables. */
export type TableKind = 'listeners' | 'routes' | 'clusters' | 'endpoints' | 'secrets';

export const appViews: readonly AppView[] = ['overview', 'graph', 'tables', 'trace'];
export const tableKinds: readonly TableKind[] = [
  'listeners',
  'routes',
  'clusters',
  'endpoints',
  'secrets',
];

/** A table's sort: a column id and its direction. */
export interface TableSort {
  column: string;
  desc: boolean;
}

/** Everything about the picture on screen that survives a reload (the dumps themselves do not). */
export interface AppUrlState {
  /** Label of the selected dump tab. */
  dump?: string;
  view: AppView;
  table: TableKind;
  /** Global filter text of the table. */
  filter: string;
  sort?: TableSort;
  graph: GraphViewState;
  /** The mesh page (`?mesh`) and its filter, selected proxy and diff (absent = defaults). */
  mesh?: MeshUrlState;
  /** The compare view (`d.l`, `d.r`, `d.s`): two dump labels and the selected change. */
  diff?: DiffUrlState;
}

const keys = { dump: 'dump', view: 'view', table: 'table', filter: 'q', sort: 'sort' } as const;

/** Reads the state from a query string (`?a=b...` or `a=b...`); bad values fall back to defaults. */
export function decodeAppUrlState(search: string): AppUrlState {
  const params = new URLSearchParams(search);
  const view = params.get(keys.view);
  const table = params.get(keys.table);
  const state: AppUrlState = {
    view: appViews.find((v) => v === view) ?? 'overview',
    table: tableKinds.find((t) => t === table) ?? 'listeners',
    filter: params.get(keys.filter) ?? '',
    graph: decodeGraphViewState(params),
  };
  const mesh = decodeMeshParams(params);
  if (mesh) state.mesh = mesh;
  const diff = decodeDiffParams(params);
  if (diff) state.diff = diff;
  const dump = params.get(keys.dump);
  if (dump) state.dump = dump;
  const sort = params.get(keys.sort);
  if (sort && sort !== '-') {
    state.sort = sort.startsWith('-')
      ? { column: sort.slice(1), desc: true }
      : { column: sort, desc: false };
  }
  return state;
}

/** The query string of a state, without `?`; defaults are omitted to keep URLs short. */
export function encodeAppUrlState(s: AppUrlState): string {
  const params = new URLSearchParams();
  if (s.dump) params.set(keys.dump, s.dump);
  if (s.view !== 'overview') params.set(keys.view, s.view);
  if (s.table !== 'listeners') params.set(keys.table, s.table);
  if (s.filter) params.set(keys.filter, s.filter);
  if (s.sort) params.set(keys.sort, `${s.sort.desc ? '-' : ''}${s.sort.column}`);
  for (const [k, v] of Object.entries(encodeGraphViewState(s.graph))) params.set(k, v);
  if (s.mesh) for (const [k, v] of Object.entries(encodeMeshUrlState(s.mesh))) params.set(k, v);
  if (s.diff) for (const [k, v] of Object.entries(encodeDiffUrlState(s.diff))) params.set(k, v);
  return params.toString();
}
