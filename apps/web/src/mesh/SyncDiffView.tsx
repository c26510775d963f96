import type { MeshSyncDiffResponse, SyncDiffEntry, SyncDiffKind } from '@meshlens/contract';
import { useState } from 'react';
import { diffFields, shortJson } from './diffPathValues';

const kindTitle: Record<SyncDiffKind, string> = {
  listener: 'Listeners',
  route: 'Routes',
  cluster: 'Clusters',
};
const kinds: readonly SyncDiffKind[] = ['listener', 'route', 'cluster'];

const statusText: Record<SyncDiffEntry['status'], string> = {
  same: 'same',
  different: 'differs',
  only_istiod: 'only istiod',
  only_envoy: 'only Envoy',
};

function EntryDetails(props: { entry: SyncDiffEntry }): React.JSX.Element | null {
  const e = props.entry;
  if (e.status === 'different') {
    return (
      <table className="sync-diff__fields" data-testid="sync-diff-fields">
        <thead>
          <tr>
            <th>Field</th>
            <th>istiod would send</th>
            <th>Envoy holds</th>
          </tr>
        </thead>
        <tbody>
          {diffFields(e.changedPaths ?? [], e.istiod, e.envoy).map((f) => (
            <tr key={`${f.change}:${f.path}`} data-change={f.change}>
              <td className="mono">{f.path}</td>
              <td className={f.change === 'only_envoy' ? 'muted' : 'sync-diff__istiod'}>
                {f.change === 'only_envoy' ? '(absent)' : shortJson(f.istiod)}
              </td>
              <td className={f.change === 'only_istiod' ? 'muted' : 'sync-diff__envoy'}>
                {f.change === 'only_istiod' ? '(absent)' : shortJson(f.envoy)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  if (e.status === 'only_istiod' || e.status === 'only_envoy') {
    const raw = e.status === 'only_istiod' ? e.istiod : e.envoy;
    return (
      <div className="muted sync-diff__note">
        {e.status === 'only_istiod'
          ? 'istiod would send this; the proxy does not hold it (not pushed yet, or rejected).'
          : 'The proxy holds this; istiod would no longer send it (a removal not applied yet).'}
        {raw !== undefined && (
          <details>
            <summary>JSON</summary>
            <pre>{JSON.stringify(raw, null, 2)}</pre>
          </details>
        )}
      </div>
    );
  }
  return null;
}

/**
 * istiod vs Envoy, like `istioctl proxy-status <pod>` but per resource: per listener, route and
 * cluster, what only istiod has, what only the proxy has, and which fields differ with both values.
 */
export function SyncDiffView(props: { diff: MeshSyncDiffResponse }): React.JSX.Element {
  const [showSame, setShowSame] = useState(false);
  const { diff } = props;
  const shown = diff.entries.filter((e) => showSame || e.status !== 'same');
  return (
    <section className="sync-diff" data-testid="sync-diff" data-in-sync={diff.inSync}>
      <header className="sync-diff__head">
        <strong>istiod vs Envoy</strong>
        <span className={`sync sync--${diff.inSync ? 'ok' : 'warn'}`}>
          {diff.inSync ? 'in sync' : 'out of sync'}
        </span>
        <span className="muted" data-testid="sync-diff-counts">
          {diff.counts.different} differ · {diff.counts.only_istiod} only istiod ·{' '}
          {diff.counts.only_envoy} only Envoy · {diff.counts.same} same
        </span>
        <label className="sync-diff__same">
          <input
            type="checkbox"
            checked={showSame}
            onChange={(e) => setShowSame(e.target.checked)}
          />{' '}
          show same
        </label>
      </header>
      {shown.length === 0 && (
        <p className="muted">
          Every listener, route and cluster istiod would send is exactly what the proxy holds.
        </p>
      )}
      {kinds.map((kind) => {
        const entries = shown.filter((e) => e.kind === kind);
        if (entries.length === 0) return null;
        return (
          <div key={kind} className="sync-diff__kind">
            <h4>{kindTitle[kind]}</h4>
            {entries.map((e) => (
              <div
                key={e.name}
                className={`sync-diff__entry sync-diff__entry--${e.status}`}
                data-testid="sync-diff-entry"
                data-kind={e.kind}
                data-status={e.status}
                data-name={e.name}
              >
                <div className="sync-diff__name">
                  <span className="mono">{e.name}</span>
                  <span className="sync-diff__status">{statusText[e.status]}</span>
                </div>
                <EntryDetails entry={e} />
              </div>
            ))}
          </div>
        );
      })}
    </section>
  );
}
