import { DIFF_KINDS, type DiffKind, type DumpDiff } from '@meshlens/diff';
import { useState } from 'react';
import { changeKey, displayStatus } from './changeNodeId';

/** Props of the list of changes. */
export interface DiffListProps {
  diff: DumpDiff;
  selected: string | undefined;
  onSelect: (key: string) => void;
}

const kindTitle: Record<string, string> = {
  listener: 'Listeners',
  route_config: 'Route configs',
  virtual_host: 'Virtual hosts',
  route: 'Routes',
  cluster: 'Clusters',
  endpoint: 'Endpoints',
  secret: 'Secrets',
  extension_config: 'Extension configs',
};

/**
 * Rows drawn per kind before "show all": a big pair of sidecars differs in thousands of endpoints
 * (measured: 8,493 changes between two 12 MB demo sidecars), too many buttons to draw at once.
 */
const firstRows = 200;

/** The changes grouped by kind (in the graph's left-to-right order), then what was not compared. */
export function DiffList({ diff, selected, onSelect }: DiffListProps): React.JSX.Element {
  const [all, setAll] = useState<ReadonlySet<DiffKind>>(new Set());
  return (
    <div className="diff-list" data-testid="diff-list">
      {diff.identical && <p className="muted">No differences in the compared objects.</p>}
      {DIFF_KINDS.map((kind) => {
        const changes = diff.changes.filter((c) => c.kind === kind);
        if (changes.length === 0) return null;
        // The selected change stays listed even past the cut (it may come from a shared link).
        const shown = all.has(kind)
          ? changes
          : changes.filter((c, i) => i < firstRows || changeKey(c) === selected);
        return (
          <section key={kind} className="diff-list__group">
            <h3 className="diff-list__kind">
              {kindTitle[kind] ?? kind} <span className="muted">{changes.length}</span>
            </h3>
            <ul>
              {shown.map((c) => {
                const key = changeKey(c);
                const status = displayStatus(c);
                return (
                  <li key={key}>
                    <button
                      type="button"
                      className={`diff-item${key === selected ? ' diff-item--on' : ''}`}
                      data-testid="diff-item"
                      data-kind={c.kind}
                      data-status={status}
                      data-key={key}
                      aria-pressed={key === selected}
                      title={c.id}
                      onClick={() => onSelect(key)}
                    >
                      <span className={`diff-badge diff-badge--${status}`}>{status}</span>
                      <span className="diff-item__id">{c.id}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
            {shown.length < changes.length && (
              <button
                type="button"
                className="link-btn"
                data-testid="diff-show-all"
                onClick={() => setAll((prev) => new Set([...prev, kind]))}
              >
                Show all {changes.length}
              </button>
            )}
          </section>
        );
      })}
      {diff.skipped.length > 0 && (
        <section className="diff-list__skipped" data-testid="diff-skipped">
          <h3 className="diff-list__kind">Not compared</h3>
          <ul>
            {diff.skipped.map((s) => (
              <li key={`${s.kind}:${s.scope}`} className="muted">
                {kindTitle[s.kind] ?? s.kind}
                {s.scope === 'static' ? ' (bootstrap)' : ''}: {s.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
