import type { LoadFailure, LoadJob } from './useDumps';
import type { ParsePhase } from './workerProtocol';

const phaseLabel: Record<ParsePhase, string> = {
  read: 'Reading',
  parse: 'Parsing',
  receive: 'Opening',
};

/** Progress bars of running loads (cancellable) and banners of failed ones. */
export function LoadStatus(props: {
  jobs: LoadJob[];
  failures: LoadFailure[];
  onCancel: (jobId: number) => void;
  onDismiss: (id: number) => void;
}): React.JSX.Element | null {
  if (props.jobs.length === 0 && props.failures.length === 0) return null;
  return (
    <div className="load-status">
      {props.jobs.map((job) => (
        <div className="load-progress" data-testid="load-progress" key={job.jobId} role="status">
          <span className="load-progress__label">
            {phaseLabel[job.phase]} <strong>{job.name}</strong>
          </span>
          <progress max={1} value={job.progress} aria-label={`Loading ${job.name}`} />
          <span className="load-progress__pct">{Math.round(job.progress * 100)}%</span>
          <button
            type="button"
            className="btn btn--small"
            onClick={() => props.onCancel(job.jobId)}
          >
            Cancel
          </button>
        </div>
      ))}
      {props.failures.map((f) => (
        <div className="banner banner--error" data-testid="load-error" key={f.id} role="alert">
          <div>
            <strong>Could not open {f.name}.</strong> <span>{f.message}</span>
          </div>
          <button
            type="button"
            className="btn btn--icon"
            aria-label={`Dismiss the error about ${f.name}`}
            onClick={() => props.onDismiss(f.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
