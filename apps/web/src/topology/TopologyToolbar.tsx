import {
  topoDurations,
  topoEdgeLabels,
  topoGraphTypes,
  topoLayouts,
  topoModes,
  type TopoUrlState,
} from './topoUrlState';

/** Props of the toolbar. */
export interface TopologyToolbarProps {
  state: TopoUrlState;
  onChange: (update: (prev: TopoUrlState) => TopoUrlState) => void;
  findError: string | undefined;
  hideError: string | undefined;
  onExportPng: () => void;
  onExportSvg: () => void;
  onCollapseAll: () => void;
  canExport: boolean;
}

const modeLabel = { config: 'Config', traffic: 'Traffic', both: 'Config vs traffic' } as const;
const labelText = {
  none: 'No edge labels',
  rps: 'Requests/s',
  errors: '% errors',
  p95: 'p95 latency',
  bytes: 'Bytes/s',
} as const;

function Select<T extends string>(props: {
  testId: string;
  label: string;
  value: T;
  options: readonly T[];
  text?: Record<T, string>;
  disabled?: boolean;
  title?: string;
  onChange: (v: T) => void;
}): React.JSX.Element {
  return (
    <label className="topo-field" title={props.title}>
      <span>{props.label}</span>
      <select
        data-testid={props.testId}
        value={props.value}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.target.value as T)}
      >
        {props.options.map((o) => (
          <option key={o} value={o}>
            {props.text?.[o] ?? o}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The topology page's controls; every value lives in the URL. */
export function TopologyToolbar(p: TopologyToolbarProps): React.JSX.Element {
  const { state: s, onChange } = p;
  const set =
    <K extends keyof TopoUrlState>(k: K) =>
    (v: TopoUrlState[K]) =>
      onChange((prev) => ({ ...prev, [k]: v }));
  return (
    <div className="topo-toolbar">
      <Select
        testId="topo-mode"
        label="Show"
        value={s.mode}
        options={topoModes}
        text={modeLabel}
        onChange={set('mode')}
      />
      <Select
        testId="topo-graph-type"
        label="Graph"
        value={s.mode === 'both' ? 'workload' : s.graphType}
        options={topoGraphTypes}
        disabled={s.mode !== 'traffic'}
        title={s.mode === 'both' ? 'Config vs traffic compares workloads' : undefined}
        onChange={set('graphType')}
      />
      <Select
        testId="topo-duration"
        label="Last"
        value={s.duration}
        options={topoDurations}
        disabled={s.mode === 'config'}
        onChange={set('duration')}
      />
      <Select
        testId="topo-layout"
        label="Layout"
        value={s.layout}
        options={topoLayouts}
        onChange={set('layout')}
      />
      <Select
        testId="topo-edge-labels"
        label="Edges"
        value={s.edgeLabels}
        options={topoEdgeLabels}
        text={labelText}
        onChange={set('edgeLabels')}
      />
      <label className="topo-field">
        <span>Namespaces</span>
        <input
          data-testid="topo-namespaces"
          placeholder="all"
          defaultValue={s.namespaces.join(',')}
          onBlur={(e) =>
            set('namespaces')(
              e.target.value
                .split(',')
                .map((x) => x.trim())
                .filter(Boolean),
            )
          }
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.currentTarget.blur();
          }}
        />
      </label>
      <label className={`topo-field${p.findError ? ' topo-field--bad' : ''}`} title={p.findError}>
        <span>Find</span>
        <input
          data-testid="topo-find"
          placeholder="rps > 1"
          value={s.find}
          onChange={(e) => set('find')(e.target.value)}
        />
      </label>
      <label className={`topo-field${p.hideError ? ' topo-field--bad' : ''}`} title={p.hideError}>
        <span>Hide</span>
        <input
          data-testid="topo-hide"
          placeholder="ns = istio-system"
          value={s.hide}
          onChange={(e) => set('hide')(e.target.value)}
        />
      </label>
      <button type="button" className="btn" data-testid="topo-collapse" onClick={p.onCollapseAll}>
        {s.collapsed.length > 0 ? 'Expand boxes' : 'Collapse boxes'}
      </button>
      <button
        type="button"
        className="btn"
        data-testid="topo-export-png"
        disabled={!p.canExport}
        onClick={p.onExportPng}
      >
        PNG
      </button>
      <button
        type="button"
        className="btn"
        data-testid="topo-export-svg"
        disabled={!p.canExport}
        onClick={p.onExportSvg}
      >
        SVG
      </button>
    </div>
  );
}
