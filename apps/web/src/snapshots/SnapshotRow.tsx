import { snapshotPermalink, type SnapshotMeta } from '@meshlens/contract';
import { useState } from 'react';
import { CopyLink } from './CopyLink';
import { formatSnapshotTime } from './defaultSnapshotName';
import { formatSnapshotSize } from './formatSnapshotSize';

/** One saved snapshot: what it is, a compare checkbox and its actions (delete asks first). */
export function SnapshotRow(props: {
  snapshot: SnapshotMeta;
  picked: boolean;
  /** False when two others are already picked for comparing. */
  canPick: boolean;
  opening: boolean;
  deleting: boolean;
  onPick: (picked: boolean) => void;
  onOpen: () => void;
  onDelete: () => void;
}): React.JSX.Element {
  const s = props.snapshot;
  const [confirming, setConfirming] = useState(false);
  const created = new Date(s.createdAt);
  return (
    <tr data-testid="snapshot-row" data-id={s.id} data-name={s.name} aria-selected={props.picked}>
      <td className="snapshots-table__pick">
        <input
          type="checkbox"
          data-testid="snapshot-pick"
          aria-label={`Pick ${s.name} to compare`}
          checked={props.picked}
          disabled={!props.picked && !props.canPick}
          onChange={(e) => props.onPick(e.target.checked)}
        />
      </td>
      <td className="snapshots-table__name" data-testid="snapshot-name-cell" title={s.name}>
        {s.name}
      </td>
      <td>
        <span
          className={`sync sync--${s.kind === 'live' ? 'ok' : 'muted'}`}
          data-testid="snapshot-kind"
        >
          {s.kind}
        </span>
      </td>
      <td className="snapshots-table__source" data-testid="snapshot-source" title={s.source}>
        {s.source || '—'}
      </td>
      <td
        className="snapshots-table__num"
        title={`${s.dumpBytes} bytes (${s.storedBytes} stored, gzipped)`}
      >
        {formatSnapshotSize(s.dumpBytes)}
      </td>
      <td className="snapshots-table__time" title={s.createdAt}>
        {Number.isNaN(created.getTime()) ? s.createdAt : formatSnapshotTime(created)}
      </td>
      <td className="mesh-table__actions">
        {confirming ? (
          <>
            <span className="snapshots-table__confirm">Delete “{s.name}”?</span>
            <button
              type="button"
              className="btn btn--small snapshots-table__danger"
              data-testid="snapshot-delete-confirm"
              disabled={props.deleting}
              onClick={props.onDelete}
            >
              {props.deleting ? 'Deleting…' : 'Delete'}
            </button>
            <button type="button" className="btn btn--small" onClick={() => setConfirming(false)}>
              Keep
            </button>
          </>
        ) : (
          <>
            <button
              type="button"
              className="btn btn--small btn--primary"
              data-testid="snapshot-open"
              disabled={props.opening}
              onClick={props.onOpen}
            >
              {props.opening ? 'Opening…' : 'Open'}
            </button>
            <CopyLink permalink={snapshotPermalink(s.id)} testId="snapshot-copy-link" />
            <button
              type="button"
              className="btn btn--small"
              data-testid="snapshot-delete"
              onClick={() => setConfirming(true)}
            >
              Delete
            </button>
          </>
        )}
      </td>
    </tr>
  );
}
