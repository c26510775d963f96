/** The compare view in the URL: which two open dumps, and which change is selected. */
export interface DiffUrlState {
  /** Label of the left (first, "before") dump tab. */
  left: string;
  /** Label of the right (second, "after") dump tab; its graph is drawn. */
  right: string;
  /** Selected change, as `<kind>:<id>` (see `changeKey`). */
  selected?: string;
}

const keys = { left: 'd.l', right: 'd.r', selected: 'd.s' } as const;

/** The compare view's state from query parameters; undefined when the view is closed. */
export function decodeDiffParams(params: URLSearchParams): DiffUrlState | undefined {
  const left = params.get(keys.left);
  const right = params.get(keys.right);
  if (left === null && right === null) return undefined;
  const state: DiffUrlState = { left: left ?? '', right: right ?? '' };
  const selected = params.get(keys.selected);
  if (selected) state.selected = selected;
  return state;
}

/** Query parameters of an open compare view (both labels always written: they open it). */
export function encodeDiffUrlState(s: DiffUrlState): Record<string, string> {
  const out: Record<string, string> = { [keys.left]: s.left, [keys.right]: s.right };
  if (s.selected) out[keys.selected] = s.selected;
  return out;
}

/** A state without the compare view (picking a dump tab leaves it). */
export function closeDiff<S extends { diff?: DiffUrlState }>(state: S): S {
  if (state.diff === undefined) return state;
  const copy = { ...state };
  delete copy.diff;
  return copy;
}
