import type { ConfigDump } from '@meshlens/configdump';
import { useMemo } from 'react';
import { ProxyGraphPanel, type GraphViewState } from '../graph';
import { TraceForm } from './TraceForm';
import { TraceResult } from './TraceResult';
import { decodeTraceRequest, emptyTraceRequest, encodeTraceRequest } from './traceRequest';
import { useTraceRun } from './useTraceRun';
import './trace.css';

/** Props of the trace view; the graph state is the graph view's, so the two stay in step. */
export interface TraceViewProps {
  dump: ConfigDump;
  dumpLabel: string;
  state: GraphViewState;
  onStateChange: (next: GraphViewState) => void;
  theme: 'light' | 'dark';
}

/**
 * "Trace a request": the form and the step-by-step explanation on the left, the proxy graph on
 * the right with the request's path lit up. The request lives in the URL (`g.t`), so a shared
 * link or a reload re-runs the same trace.
 */
export function TraceView(props: TraceViewProps): React.JSX.Element {
  const { dump, state, onStateChange } = props;
  const encoded = state.trace;
  const { run, path } = useTraceRun(dump, encoded);
  const initial = useMemo(
    () => (encoded !== undefined ? decodeTraceRequest(encoded) : emptyTraceRequest),
    [encoded],
  );

  return (
    <div className="trace-view" data-testid="trace-view">
      <aside className="trace-side" aria-label="Trace a request">
        <h2 className="trace-side__title">Trace a request</h2>
        <p className="trace-side__hint muted">
          Follows a request through this proxy the way Envoy routes it: listener, filter chain,
          route, cluster, endpoints.
        </p>
        <TraceForm
          key={encoded ?? ''}
          initial={initial}
          error={run && !run.ok ? run.error : undefined}
          onSubmit={(r) => onStateChange({ ...state, trace: encodeTraceRequest(r) })}
          onClear={() => {
            const next = { ...state };
            delete next.trace;
            onStateChange(next);
          }}
        />
        {run?.ok && (
          <TraceResult
            trace={run.trace}
            path={run.path}
            onShowNode={(id) => onStateChange({ ...state, selected: id })}
          />
        )}
      </aside>
      <div className="trace-graph">
        <ProxyGraphPanel
          dump={dump}
          dumpLabel={props.dumpLabel}
          state={state}
          onStateChange={onStateChange}
          theme={props.theme}
          traced={path}
        />
      </div>
    </div>
  );
}
