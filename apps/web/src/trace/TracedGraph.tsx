import { ProxyGraphPanel, type ProxyGraphPanelProps } from '../graph';
import { describeOutcome } from './describeOutcome';
import { decodeTraceRequest } from './traceRequest';
import { useTraceRun } from './useTraceRun';
import './trace.css';

/**
 * The graph view with the traced request (if the URL has one) still lit up, and a one-line
 * reminder of what was traced, so the dimmed graph is never a mystery.
 */
export function TracedGraph(
  props: Omit<ProxyGraphPanelProps, 'traced'> & { onOpenTrace: () => void },
): React.JSX.Element {
  const { onOpenTrace, ...graphProps } = props;
  const { state, onStateChange } = props;
  const { run, path } = useTraceRun(props.dump, state.trace);
  const clear = (): void => {
    const next = { ...state };
    delete next.trace;
    onStateChange(next);
  };
  return (
    <div className="traced-graph">
      {run?.ok && state.trace !== undefined && (
        <div className="trace-banner" data-testid="trace-banner">
          <span className="trace-banner__what">
            Traced <span className="mono">{decodeTraceRequest(state.trace).line}</span> →{' '}
            {describeOutcome(run.trace).label}
          </span>
          <button type="button" className="link-btn" onClick={onOpenTrace}>
            Explain
          </button>
          <button
            type="button"
            className="link-btn"
            data-testid="trace-banner-clear"
            onClick={clear}
          >
            Clear
          </button>
        </div>
      )}
      <ProxyGraphPanel {...graphProps} traced={path} />
    </div>
  );
}
