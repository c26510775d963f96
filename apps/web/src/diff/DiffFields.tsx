import type { ObjectChange } from '@meshlens/diff';
import { formatDiffValue } from './formatDiffValue';

/** Props of the field-level view. */
export interface DiffFieldsProps {
  change: ObjectChange | undefined;
  /** A change is selected and its fields are on their way from the diff worker. */
  loading?: boolean;
  leftLabel: string;
  rightLabel: string;
}

/** What one field row shows: a path and the value on each side. */
interface FieldRow {
  path: string;
  op: string;
  left: string;
  right: string;
}

function rowsOf(change: ObjectChange): FieldRow[] {
  if (change.status !== 'changed') {
    // Added / removed objects have no field list: the whole object is the one "field".
    return [
      {
        path: '(whole object)',
        op: change.status,
        left: formatDiffValue(change.before),
        right: formatDiffValue(change.after),
      },
    ];
  }
  const rows = change.fields.map((f) => ({
    path: f.path,
    op: f.op,
    left: formatDiffValue(f.before),
    right: formatDiffValue(f.after),
  }));
  const { before, after } = change.position ?? {};
  if (before !== undefined && after !== undefined && before !== after) {
    rows.unshift({ path: '(position)', op: 'moved', left: String(before), right: String(after) });
  }
  return rows;
}

/** The changed fields of the selected change: path, left value, right value, as text. */
export function DiffFields({
  change,
  loading = false,
  leftLabel,
  rightLabel,
}: DiffFieldsProps): React.JSX.Element {
  if (!change) {
    return (
      <section className="diff-fields" data-testid="diff-fields">
        <p className="muted">
          {loading ? 'Loading the fields…' : 'Select a change to see its fields.'}
        </p>
      </section>
    );
  }
  return (
    <section className="diff-fields" data-testid="diff-fields" aria-label="Changed fields">
      <h3 className="diff-fields__title">
        <span className={`diff-badge diff-badge--${change.status}`}>{change.status}</span>{' '}
        {change.kind} <code>{change.id}</code>
      </h3>
      <table className="diff-fields__table">
        <thead>
          <tr>
            <th>Path</th>
            <th title={leftLabel}>Left: {leftLabel}</th>
            <th title={rightLabel}>Right: {rightLabel}</th>
          </tr>
        </thead>
        <tbody>
          {rowsOf(change).map((r) => (
            <tr
              key={`${r.op}:${r.path}`}
              data-testid="diff-field"
              data-path={r.path}
              data-op={r.op}
            >
              <td className="diff-fields__path">
                <code>{r.path}</code> <span className="muted">{r.op}</span>
              </td>
              <td data-testid="diff-left">
                <pre>{r.left}</pre>
              </td>
              <td data-testid="diff-right">
                <pre>{r.right}</pre>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
