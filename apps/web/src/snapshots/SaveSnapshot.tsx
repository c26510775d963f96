import type { SnapshotResponse } from '@meshlens/contract';
import { useState } from 'react';
import type { OpenDump } from '../dumps/useDumps';
import type { ParseSource } from '../dumps/workerProtocol';
import { CopyLink } from './CopyLink';
import { defaultSnapshotName } from './defaultSnapshotName';
import { describeSnapshotError } from './describeSnapshotError';
import { readSourceText } from './readSourceText';
import { snapshotOriginOf } from './snapshotOrigin';
import { viewStateForSave } from './snapshotViewState';
import { useSaveSnapshot } from './useSnapshotQueries';
import './snapshots.css';

/** Props of the "Save snapshot…" action of the view bar. */
export interface SaveSnapshotProps {
  dump: OpenDump;
  /** What the dump was read from, asked at save time (undefined: it cannot be re-read). */
  source: () => ParseSource | undefined;
}

/**
 * "Save snapshot…": stores the dump text exactly as it was loaded, with the current view (the
 * page's query string), under a name; answers with a permalink. Nothing is stored before Save.
 */
export function SaveSnapshot({ dump, source }: SaveSnapshotProps): React.JSX.Element {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [reading, setReading] = useState(false);
  const [readError, setReadError] = useState<string>();
  const [saved, setSaved] = useState<SnapshotResponse>();
  const save = useSaveSnapshot();

  const toggle = (): void => {
    if (!open) {
      setName(defaultSnapshotName(dump.dump, dump.label, new Date()));
      setSaved(undefined);
      setReadError(undefined);
      save.reset();
    }
    setOpen(!open);
  };

  const submit = async (): Promise<void> => {
    const from = source();
    if (!from) {
      setReadError('The original of this dump is no longer available: open it again to save it.');
      return;
    }
    setReadError(undefined);
    setReading(true);
    let text: string;
    try {
      text = await readSourceText(from);
    } catch (err) {
      setReadError(
        `Could not read ${from.name} again (${err instanceof Error ? err.message : String(err)}); open it again and retry.`,
      );
      return;
    } finally {
      setReading(false);
    }
    const origin = snapshotOriginOf(from, dump.dump);
    save.mutate(
      {
        name: name.trim(),
        kind: origin.kind,
        source: origin.source,
        dump: text,
        viewState: viewStateForSave(window.location.search),
      },
      { onSuccess: setSaved },
    );
  };

  const busy = reading || save.isPending;
  const error =
    readError ?? (save.error ? describeSnapshotError(save.error, 'Not saved') : undefined);
  return (
    <div className="viewbar-popover">
      <button
        type="button"
        className={`btn btn--small${open ? ' btn--on' : ''}`}
        data-testid="snapshot-save-open"
        aria-expanded={open}
        onClick={toggle}
      >
        Save snapshot…
      </button>
      {open && (
        <form
          className="viewbar-popover__panel snapshot-save__panel"
          role="dialog"
          aria-label="Save snapshot"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <p className="muted">
            Stores this dump and the current view on the Meshlens server, to reopen, share or
            compare later.
          </p>
          <label className="snapshot-save__name">
            Name
            <input
              className="input"
              data-testid="snapshot-name"
              value={name}
              maxLength={200}
              required
              autoFocus
              onChange={(e) => setName(e.target.value)}
            />
          </label>
          <button
            type="submit"
            className="btn btn--primary btn--small"
            data-testid="snapshot-save"
            disabled={busy || name.trim() === ''}
          >
            {busy ? 'Saving…' : 'Save'}
          </button>
          {error && (
            <p
              className="snapshot-save__line snapshot-save__line--error"
              role="alert"
              data-testid="snapshot-save-error"
            >
              {error}
            </p>
          )}
          {saved && !error && (
            <p className="snapshot-save__line" role="status" data-testid="snapshot-saved">
              Saved “{saved.snapshot.name}”.{' '}
              <CopyLink permalink={saved.permalink} testId="snapshot-saved-link" />
            </p>
          )}
        </form>
      )}
    </div>
  );
}
