import { ErrorBoundary } from '../shell/ErrorBoundary';
import { SnapshotsPage } from './SnapshotsPage';
import type { SnapshotShell } from './useSnapshotShell';
import './snapshots.css';

/** The "Snapshots" button of the top bar (absent when the server keeps no snapshots). */
export function SnapshotsNav({ shell }: { shell: SnapshotShell }): React.JSX.Element | null {
  if (!shell.enabled) return null;
  return (
    <button
      type="button"
      className={`btn${shell.pageOpen ? ' btn--on nav-snapshots--on' : ''}`}
      data-testid="nav-snapshots"
      aria-pressed={shell.pageOpen}
      title={shell.storeDescription}
      onClick={() => shell.setPageOpen(!shell.pageOpen)}
    >
      Snapshots
    </button>
  );
}

/**
 * The snapshot notice (a permalink being opened, or why it could not be) and the snapshots page,
 * drawn over the dump views so that they stay as they were underneath.
 */
export function SnapshotsLayer({ shell }: { shell: SnapshotShell }): React.JSX.Element {
  const n = shell.notice;
  return (
    <>
      {n?.kind === 'opening' && (
        <div className="banner snapshot-notice" role="status" data-testid="snapshot-opening">
          Opening the snapshot “{n.name}”…
        </div>
      )}
      {n?.kind === 'error' && (
        <div
          className="banner banner--error snapshot-notice"
          role="alert"
          data-testid="snapshot-error"
        >
          <div>
            <strong>Snapshot not opened.</strong> <span>{n.message}</span>{' '}
            {shell.enabled && (
              <button
                type="button"
                className="link-btn"
                onClick={() => {
                  shell.dismissNotice();
                  shell.setPageOpen(true);
                }}
              >
                See the saved snapshots
              </button>
            )}
          </div>
          <button
            type="button"
            className="btn btn--icon"
            aria-label="Dismiss the snapshot error"
            onClick={shell.dismissNotice}
          >
            ×
          </button>
        </div>
      )}
      {shell.pageOpen && shell.enabled && (
        <div className="snapshots-overlay">
          <ErrorBoundary name="snapshots" resetKey="snapshots">
            <SnapshotsPage shell={shell} />
          </ErrorBoundary>
        </div>
      )}
    </>
  );
}
