import type { GraphLevel, GraphViewState } from './graphViewState';
import { graphLevels } from './graphViewState';

const levelNames: Record<GraphLevel, string> = {
  filter_chain: 'Filter chains',
  route_config: 'Route configs',
  virtual_host: 'Virtual hosts',
  route: 'Routes',
  endpoint: 'Endpoints',
  secret: 'Secrets',
};

/** Props of the graph toolbar. */
export interface GraphToolbarProps {
  state: GraphViewState;
  onStateChange: (next: GraphViewState) => void;
  matchCount: number;
  /** Enter in the search box: move to the next match (shift: previous). */
  onCycle: (step: 1 | -1) => void;
  scale: number;
  onScale: (scale: number) => void;
  onExport: (what: 'png' | 'svg' | 'model') => void;
  /** Zoom to show the whole graph. */
  onFit: () => void;
  stats: string;
}

/** Direction, level toggles, search, focus and export controls. */
export function GraphToolbar(p: GraphToolbarProps): React.JSX.Element {
  const { state } = p;
  const set = (patch: Partial<GraphViewState>): void => p.onStateChange({ ...state, ...patch });
  const toggleLevel = (level: GraphLevel, shown: boolean): void =>
    set({
      hiddenLevels: shown
        ? state.hiddenLevels.filter((l) => l !== level)
        : graphLevels.filter((l) => l === level || state.hiddenLevels.includes(l)),
    });
  return (
    <div
      className="graph-toolbar"
      data-testid="graph-toolbar"
      role="toolbar"
      aria-label="Graph controls"
    >
      <label>
        Direction{' '}
        <select
          data-testid="graph-direction"
          value={state.direction}
          onChange={(e) => set({ direction: e.target.value as GraphViewState['direction'] })}
        >
          <option value="all">all</option>
          <option value="inbound">inbound</option>
          <option value="outbound">outbound</option>
        </select>
      </label>
      <fieldset className="graph-levels">
        <legend>Show</legend>
        {graphLevels.map((level) => (
          <label key={level}>
            <input
              type="checkbox"
              data-testid={`graph-level-${level}`}
              checked={!state.hiddenLevels.includes(level)}
              onChange={(e) => toggleLevel(level, e.target.checked)}
            />
            {levelNames[level]}
          </label>
        ))}
      </fieldset>
      <input
        type="search"
        className="graph-search"
        data-testid="graph-search"
        placeholder="Search nodes (Enter: next)"
        aria-label="Search nodes"
        value={state.search ?? ''}
        onChange={(e) => {
          const { search: _old, ...rest } = state;
          p.onStateChange(e.target.value ? { ...rest, search: e.target.value } : rest);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            p.onCycle(e.shiftKey ? -1 : 1);
          }
        }}
      />
      {state.search ? (
        <span className="graph-muted" aria-live="polite">
          {p.matchCount} match{p.matchCount === 1 ? '' : 'es'}
        </span>
      ) : null}
      <button
        type="button"
        data-testid="graph-clear-focus"
        disabled={state.focus === undefined}
        onClick={() => {
          const { focus: _f, ...rest } = state;
          p.onStateChange(rest);
        }}
      >
        Clear focus
      </button>
      <button type="button" onClick={p.onFit} title="Show the whole graph">
        Fit
      </button>
      <span className="graph-export">
        <label>
          Scale{' '}
          <select
            data-testid="export-scale"
            value={String(p.scale)}
            onChange={(e) => p.onScale(Number(e.target.value))}
          >
            {[1, 2, 3, 4].map((s) => (
              <option key={s} value={String(s)}>
                {s}x
              </option>
            ))}
          </select>
        </label>
        <button type="button" data-testid="export-png" onClick={() => p.onExport('png')}>
          PNG
        </button>
        <button type="button" data-testid="export-svg" onClick={() => p.onExport('svg')}>
          SVG
        </button>
        <button type="button" data-testid="export-model-json" onClick={() => p.onExport('model')}>
          Model JSON
        </button>
      </span>
      <span className="graph-stats graph-muted" data-testid="graph-stats">
        {p.stats}
      </span>
    </div>
  );
}
