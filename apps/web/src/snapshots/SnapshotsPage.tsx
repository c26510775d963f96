import type { SnapshotMeta } from '@meshlens/contract';
import { useState } from 'react';
import { describeSnapshotError } from './describeSnapshotError';
import { SnapshotRow } from './SnapshotRow';
import type { SnapshotShell } from './useSnapshotShell';
import { useDeleteSnapshot, useSnapshotList } from './useSnapshotQueries';
import '../mesh/mesh.css';
import './snapshots.css';

/** Picks for the compare view: the older of two snapshots goes left ("before"). */
function byAge(a: SnapshotMeta, b: SnapshotMeta): [SnapshotMeta, SnapshotMeta] {
  return a.createdAt <= b.createdAt ? [a, b] : [b, a];
}

/**
 * The saved snapshots, newest first: open one (as a tab, with its saved view), copy its link,
 * delete it, or compare two of them (or one with an open tab) in the compare view.
 */
export function SnapshotsPage({ shell }: { shell: SnapshotShell }): React.JSX.Element {
  const list = useSnapshotList(true);
  const remove = useDeleteSnapshot();
  const [picked, setPicked] = useState<readonly string[]>([]);
  const [withTab, setWithTab] = useState('');
  const snapshots = list.data?.snapshots ?? [];
  const pickedMeta = picked
    .map((id) => snapshots.find((s) => s.id === id))
    .filter((s): s is SnapshotMeta => s !== undefined);
  const tab = shell.dumps.find((d) => String(d.id) === withTab);
  const [first, second] = pickedMeta;
  const canCompare = first !== undefined && (tab ? second === undefined : second !== undefined);

  const compare = (): void => {
    if (!first) return;
    if (tab) void shell.compare(first, tab);
    else if (second) void shell.compare(...byAge(first, second));
  };

  return (
    <section
      className="snapshots-page mesh-page"
      data-testid="snapshots-page"
      aria-label="Snapshots"
    >
      <div className="mesh-toolbar">
        <h2 className="snapshots-page__title">Snapshots</h2>
        <span className="muted snapshots-page__store" data-testid="snapshots-store">
          {shell.storeDescription}
        </span>
        <span className="mesh-toolbar__spacer" />
        <span className="muted" data-testid="snapshots-picked">
          {pickedMeta.length === 0
            ? 'Tick snapshots to compare them'
            : `${pickedMeta.length} picked, compare with`}
        </span>
        <select
          className="input snapshots-page__tab"
          data-testid="snapshot-compare-tab"
          value={withTab}
          onChange={(e) => setWithTab(e.target.value)}
        >
          <option value="">another picked snapshot</option>
          {shell.dumps.map((d) => (
            <option key={d.id} value={String(d.id)}>
              open tab: {d.label}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="btn btn--primary"
          data-testid="snapshot-compare"
          disabled={!canCompare || pickedMeta.some((s) => shell.busy.has(s.id))}
          title={
            tab
              ? 'Pick one snapshot to compare with the open tab'
              : 'Pick two snapshots: the older one is shown as "before"'
          }
          onClick={compare}
        >
          Compare
        </button>
        <button
          type="button"
          className="btn"
          data-testid="snapshots-refresh"
          disabled={list.isFetching}
          onClick={() => void list.refetch()}
        >
          Refresh
        </button>
        <button
          type="button"
          className="btn btn--icon"
          data-testid="snapshots-close"
          aria-label="Close the snapshots page"
          onClick={() => shell.setPageOpen(false)}
        >
          ×
        </button>
      </div>
      {list.error && (
        <div className="banner banner--error" role="alert" data-testid="snapshots-error">
          {describeSnapshotError(list.error, 'The snapshot list could not be read')}
        </div>
      )}
      {remove.error && (
        <div className="banner banner--error" role="alert" data-testid="snapshots-error">
          {describeSnapshotError(remove.error, 'Not deleted')}
        </div>
      )}
      <div className="mesh-page__body">
        <div className="mesh-page__list">
          {list.isPending && <p className="muted mesh-page__empty">Reading the saved snapshots…</p>}
          {list.data && snapshots.length === 0 && (
            <p className="muted mesh-page__empty" data-testid="snapshots-empty">
              No snapshots yet. Open a dump or a live proxy and use “Save snapshot…” in the view
              bar.
            </p>
          )}
          {snapshots.length > 0 && (
            <div className="mesh-table">
              <table className="snapshots-table">
                <thead>
                  <tr>
                    <th aria-label="Compare" />
                    <th>Name</th>
                    <th>Kind</th>
                    <th>Source (file or proxy id)</th>
                    <th className="snapshots-table__num">Size</th>
                    <th>Created</th>
                    <th className="mesh-table__actions" aria-label="Actions" />
                  </tr>
                </thead>
                <tbody>
                  {snapshots.map((s) => (
                    <SnapshotRow
                      key={s.id}
                      snapshot={s}
                      picked={picked.includes(s.id)}
                      canPick={picked.length < (tab ? 1 : 2)}
                      opening={shell.busy.has(s.id)}
                      deleting={remove.isPending && remove.variables === s.id}
                      onPick={(on) =>
                        setPicked((p) => (on ? [...p, s.id] : p.filter((id) => id !== s.id)))
                      }
                      onOpen={() => void shell.open(s)}
                      onDelete={() =>
                        remove.mutate(s.id, {
                          onSuccess: () => setPicked((p) => p.filter((id) => id !== s.id)),
                        })
                      }
                    />
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      </div>
    </section>
  );
}
