import { ApiErrorText, SourceErrorText } from './SourceErrorText';
import type { MeshScanView } from './useMeshScan';

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(bytes < 10e6 ? 1 : 0)} MB`;
const seconds = (ms: number): string => `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;

const stateText: Record<string, string> = {
  running: 'Fetching',
  cancelling: 'Cancelling',
  done: 'Fetched',
  cancelled: 'Cancelled',
  failed: 'Failed',
};

/**
 * "Fetch all" and the scan's progress: proxies done of total, MB received, failures, elapsed
 * time, the proxies in flight, and Cancel while it runs.
 */
export function MeshScanBar(props: { scan: MeshScanView; proxies: number }): React.JSX.Element {
  const { progress: p, error } = props.scan;
  const active = p?.state === 'running' || p?.state === 'cancelling';
  const total = p?.total ?? 0;
  return (
    <div className="mesh-scan" data-testid="mesh-scan" data-state={p?.state ?? 'idle'}>
      <button
        type="button"
        className="btn btn--primary"
        data-testid="mesh-scan-start"
        disabled={active}
        title="Fetch every proxy's config dump on the server, keep a summary of each (counts, findings) and show it in the list"
        onClick={props.scan.start}
      >
        {active ? 'Fetching all…' : p ? 'Fetch all again' : `Fetch all (${props.proxies})`}
      </button>
      {p && (
        <>
          <progress
            className="mesh-scan__bar"
            data-testid="mesh-scan-progress"
            max={Math.max(1, total)}
            value={p.done}
            aria-label="Proxies fetched"
          />
          <span className="mesh-scan__text" data-testid="mesh-scan-status" aria-live="polite">
            {stateText[p.state] ?? p.state} <b data-testid="mesh-scan-done">{p.done}</b> /{' '}
            <span data-testid="mesh-scan-total">{total}</span> · {mb(p.bytes)}
            {p.failed > 0 && (
              <span className="mesh-scan__failed" data-testid="mesh-scan-failed">
                {' '}
                · {p.failed} failed
              </span>
            )}{' '}
            · {seconds(p.elapsedMs)} · {p.concurrency} at once
          </span>
          {active && p.current.length > 0 && (
            <span className="mesh-scan__current muted" title={p.current.join('\n')}>
              {p.current[0]}
              {p.current.length > 1 ? ` +${p.current.length - 1}` : ''}
            </span>
          )}
          {active && (
            <button
              type="button"
              className="btn"
              data-testid="mesh-scan-cancel"
              disabled={p.state === 'cancelling'}
              onClick={props.scan.cancel}
            >
              Cancel
            </button>
          )}
        </>
      )}
      {p?.error && (
        <span className="mesh-scan__error" role="alert">
          <SourceErrorText error={p.error} />
        </span>
      )}
      {error !== undefined && (
        <span className="mesh-scan__error" role="alert" data-testid="mesh-scan-error">
          <ApiErrorText error={error} />
        </span>
      )}
    </div>
  );
}
