import { DIFF_KINDS, type DiffKind } from '@meshlens/diff';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import type { ChangeSummary, DiffSummary } from './diffSummary';

/** Props of the list of changes. */
export interface DiffListProps {
  diff: DiffSummary;
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

/** One line of the list: a kind's heading or a change. */
type Row =
  { type: 'kind'; kind: DiffKind; count: number } | { type: 'change'; change: ChangeSummary };

/** Fixed row heights (px), matching diff.css: the virtual list places rows without measuring. */
const ROW_HEIGHT = 28;
const KIND_HEIGHT = 32;

/**
 * The changes grouped by kind (in the graph's left-to-right order), then what was not compared.
 * Only the rows in view are in the DOM: a big pair of sidecars differs in tens of thousands of
 * objects (measured: 27,157 changes between two 40 MB demo sidecars), and even the first 200 per
 * kind as buttons made the page's layout take over a second.
 */
export function DiffList({ diff, selected, onSelect }: DiffListProps): React.JSX.Element {
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = useMemo(() => {
    const byKind = new Map<DiffKind, ChangeSummary[]>();
    for (const c of diff.changes) {
      const list = byKind.get(c.kind);
      if (list) list.push(c);
      else byKind.set(c.kind, [c]);
    }
    const out: Row[] = [];
    for (const kind of DIFF_KINDS) {
      const changes = byKind.get(kind);
      if (!changes) continue;
      out.push({ type: 'kind', kind, count: changes.length });
      for (const change of changes) out.push({ type: 'change', change });
    }
    return out;
  }, [diff]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (rows[i]?.type === 'kind' ? KIND_HEIGHT : ROW_HEIGHT),
    overscan: 20,
  });
  // The selected change (from a shared link or a graph tap) is brought into view.
  const selectedRow = useMemo(
    () => rows.findIndex((r) => r.type === 'change' && r.change.key === selected),
    [rows, selected],
  );
  useEffect(() => {
    if (selectedRow >= 0) virtualizer.scrollToIndex(selectedRow, { align: 'auto' });
  }, [selectedRow, virtualizer]);

  return (
    <div className="diff-list" data-testid="diff-list" ref={scrollRef}>
      {diff.identical && <p className="muted">No differences in the compared objects.</p>}
      <div className="diff-list__rows" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((v) => {
          const row = rows[v.index]!;
          const style = { transform: `translateY(${v.start}px)`, height: v.size };
          if (row.type === 'kind')
            return (
              <h3 key={`kind:${row.kind}`} className="diff-list__kind" style={style}>
                {kindTitle[row.kind] ?? row.kind} <span className="muted">{row.count}</span>
              </h3>
            );
          const c = row.change;
          return (
            <div key={c.key} className="diff-list__row" style={style}>
              <button
                type="button"
                className={`diff-item${c.key === selected ? ' diff-item--on' : ''}`}
                data-testid="diff-item"
                data-kind={c.kind}
                data-status={c.display}
                data-key={c.key}
                aria-pressed={c.key === selected}
                title={c.id}
                onClick={() => onSelect(c.key)}
              >
                <span className={`diff-badge diff-badge--${c.display}`}>{c.display}</span>
                <span className="diff-item__id">{c.id}</span>
              </button>
            </div>
          );
        })}
      </div>
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
