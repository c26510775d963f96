import type { ObjectChange } from '@meshlens/diff';
import { useEffect, useState } from 'react';
import type { OpenDump } from '../dumps/useDumps';
import type { ParseSource } from '../dumps/workerProtocol';
import { DiffFields } from './DiffFields';
import { DiffGraph } from './DiffGraph';
import { DiffList } from './DiffList';
import type { DiffUrlState } from './diffUrlState';
import { idsWithStatus } from './mergeDiffGraph';
import { useDumpDiff } from './useDumpDiff';
import './diff.css';

/** Props of the compare view. */
export interface DiffPageProps {
  dumps: readonly OpenDump[];
  state: DiffUrlState;
  onStateChange: (next: DiffUrlState) => void;
  onClose: () => void;
  theme: 'light' | 'dark';
  /** What each dump was read from: the diff worker re-reads the pair (see `useDumpDiff`). */
  sourceOf: (id: number) => ParseSource | undefined;
}

function DumpSelect(props: {
  testId: string;
  label: string;
  value: string;
  dumps: readonly OpenDump[];
  onChange: (label: string) => void;
}): React.JSX.Element {
  const known = props.dumps.some((d) => d.label === props.value);
  return (
    <label className="diff-pick">
      <span className="muted">{props.label}</span>
      <select
        className="input"
        data-testid={props.testId}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {!known && <option value={props.value}>{props.value || 'pick a dump'} (not open)</option>}
        {props.dumps.map((d) => (
          <option key={d.id} value={d.label}>
            {d.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The full change at `index` (fields, raw JSON), asked of the diff worker when selected. */
function useChangeDetails(
  details: ((index: number) => Promise<ObjectChange | undefined>) | undefined,
  index: number | undefined,
): ObjectChange | undefined {
  const [got, setGot] = useState<{ index: number; change: ObjectChange } | undefined>(undefined);
  useEffect(() => {
    if (!details || index === undefined) return undefined;
    let live = true;
    void details(index).then((change) => {
      if (live && change) setGot({ index, change });
    });
    return () => {
      live = false;
    };
  }, [details, index]);
  return got && got.index === index && details ? got.change : undefined;
}

/**
 * Compare two open dumps (two proxies, or one proxy at two times): the semantic diff's changes by
 * kind, the fields of the selected one, and the right-hand graph coloured by the diff. The diff
 * and both graphs are built in a worker (see `useDumpDiff`); the page only draws.
 */
export function DiffPage(props: DiffPageProps): React.JSX.Element {
  const { dumps, state, onStateChange, onClose, theme } = props;
  const left = dumps.find((d) => d.label === state.left);
  const right = dumps.find((d) => d.label === state.right);
  const run = useDumpDiff(left, right, props.sourceOf);
  const diff = run.status === 'done' ? run.summary : undefined;
  const model = run.status === 'done' ? run.graph : undefined;
  const change = diff?.changes.find((c) => c.key === state.selected);
  const selectedNode = change?.nodeId;
  const details = useChangeDetails(run.status === 'done' ? run.details : undefined, change?.index);
  const select = (key: string): void => onStateChange({ ...state, selected: key });
  const setSide = (side: 'left' | 'right', label: string): void => {
    const { selected: _old, ...rest } = state;
    onStateChange({ ...rest, [side]: label });
  };

  return (
    <div className="diff-page" data-testid="diff-page">
      <div className="diff-bar">
        <DumpSelect
          testId="compare-left"
          label="Left (before)"
          value={state.left}
          dumps={dumps}
          onChange={(l) => setSide('left', l)}
        />
        <button
          type="button"
          className="btn btn--small"
          data-testid="compare-swap"
          title="Swap left and right"
          onClick={() => onStateChange({ left: state.right, right: state.left })}
        >
          ⇄
        </button>
        <DumpSelect
          testId="compare-right"
          label="Right (after, drawn)"
          value={state.right}
          dumps={dumps}
          onChange={(r) => setSide('right', r)}
        />
        {diff && model && (
          <span className="diff-summary muted" data-testid="diff-summary">
            {diff.changes.length} changed object{diff.changes.length === 1 ? '' : 's'} ·{' '}
            <span className="diff-key diff-key--added">
              {idsWithStatus(model, 'added').length} added
            </span>{' '}
            <span className="diff-key diff-key--removed">
              {idsWithStatus(model, 'removed').length} removed
            </span>{' '}
            <span className="diff-key diff-key--changed">
              {idsWithStatus(model, 'changed').length} changed
            </span>{' '}
            nodes
          </span>
        )}
        <button
          type="button"
          className="btn diff-close"
          data-testid="compare-close"
          onClick={onClose}
        >
          Close
        </button>
      </div>
      {(!left || !right) && (
        <p className="diff-missing" data-testid="diff-missing">
          Open both dumps to compare them (
          {[state.left, state.right].filter(Boolean).join(' and ') || 'pick two'}): dumps stay in
          your browser, so a shared link needs the same files opened.
        </p>
      )}
      {run.status === 'running' && (
        <p className="diff-missing muted" data-testid="diff-running">
          Comparing {left?.label} with {right?.label}…
        </p>
      )}
      {run.status === 'failed' && (
        <p className="diff-missing banner banner--error" role="alert" data-testid="diff-error">
          {run.message}
        </p>
      )}
      {left === right && left !== undefined && (
        <p className="diff-missing muted">Both sides are the same dump: pick another one.</p>
      )}
      {diff && model && left && right && (
        <div className="diff-body">
          <DiffList
            key={`${left.label}\n${right.label}`}
            diff={diff}
            selected={state.selected}
            onSelect={select}
          />
          <div className="diff-main">
            <DiffGraph
              model={model}
              elements={run.status === 'done' ? run.elements : []}
              theme={theme}
              selected={selectedNode}
              onTapNode={(id) => {
                const i = model.changeOf.get(id);
                const c = i === undefined ? undefined : diff.changes[i];
                if (c) select(c.key);
              }}
            />
            <DiffFields
              change={details}
              loading={change !== undefined && details === undefined}
              leftLabel={left.label}
              rightLabel={right.label}
            />
          </div>
        </div>
      )}
    </div>
  );
}
