/** A level of the proxy graph the user can hide (its neighbours are then connected directly). */
export type GraphLevel =
  'filter_chain' | 'route_config' | 'virtual_host' | 'route' | 'endpoint' | 'secret';

/** Every hideable level, in column order. */
export const graphLevels: readonly GraphLevel[] = [
  'filter_chain',
  'route_config',
  'virtual_host',
  'route',
  'endpoint',
  'secret',
];

/** What the graph view shows; kept in the URL through `encodeGraphViewState`. */
export interface GraphViewState {
  /** Listener traffic direction to show. */
  direction: 'all' | 'inbound' | 'outbound';
  /** Levels removed from the drawing. */
  hiddenLevels: GraphLevel[];
  /** Aggregate group ids the user opened. */
  expanded: string[];
  /** Node id whose paths alone are shown. */
  focus?: string;
  /** Search text; matches are highlighted. */
  search?: string;
  /** Node id shown in the side panel. */
  selected?: string;
  /**
   * The traced request, as the trace form encodes it (request line, then `-H` / `--flag` lines);
   * its path is highlighted. Kept here so a shared URL re-runs the trace.
   */
  trace?: string;
}

/** The state of a freshly opened graph. */
export const defaultGraphViewState: GraphViewState = {
  direction: 'all',
  hiddenLevels: [],
  expanded: [],
};

const keys = {
  direction: 'g.dir',
  hiddenLevels: 'g.hide',
  expanded: 'g.open',
  focus: 'g.focus',
  search: 'g.q',
  selected: 'g.sel',
  trace: 'g.t',
} as const;

// Lists are joined with a character that cannot appear in levels and is rare in Envoy names;
// group ids never contain it (they are built from names joined with `|` and `/`).
const listSeparator = '~~';

/** URL parameters for a state; defaults are omitted so a fresh graph has a clean URL. */
export function encodeGraphViewState(s: GraphViewState): Record<string, string> {
  const out: Record<string, string> = {};
  if (s.direction !== 'all') out[keys.direction] = s.direction;
  if (s.hiddenLevels.length > 0) {
    out[keys.hiddenLevels] = graphLevels.filter((l) => s.hiddenLevels.includes(l)).join(',');
  }
  if (s.expanded.length > 0) out[keys.expanded] = [...s.expanded].sort().join(listSeparator);
  if (s.focus) out[keys.focus] = s.focus;
  if (s.search) out[keys.search] = s.search;
  if (s.selected) out[keys.selected] = s.selected;
  if (s.trace) out[keys.trace] = s.trace;
  return out;
}

/** Reads a state from URL parameters; unknown or malformed values fall back to the defaults. */
export function decodeGraphViewState(params: URLSearchParams): GraphViewState {
  const dir = params.get(keys.direction);
  const direction = dir === 'inbound' || dir === 'outbound' ? dir : 'all';
  const hidden = (params.get(keys.hiddenLevels) ?? '').split(',');
  const hiddenLevels = graphLevels.filter((l) => hidden.includes(l));
  const open = params.get(keys.expanded);
  const expanded = open ? open.split(listSeparator).filter((x) => x !== '') : [];
  const state: GraphViewState = { direction, hiddenLevels, expanded };
  const focus = params.get(keys.focus);
  if (focus) state.focus = focus;
  const search = params.get(keys.search);
  if (search) state.search = search;
  const selected = params.get(keys.selected);
  if (selected) state.selected = selected;
  const trace = params.get(keys.trace);
  if (trace) state.trace = trace;
  return state;
}
