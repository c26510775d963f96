import type { JsonValue } from '@meshlens/configdump';
import type { DiffKind, DumpDiff, FieldChange } from './model';

const TITLE: Record<DiffKind, string> = {
  listener: 'Listeners',
  route_config: 'Route configs',
  virtual_host: 'Virtual hosts',
  route: 'Routes',
  cluster: 'Clusters',
  endpoint: 'Endpoints',
  secret: 'Secrets',
  extension_config: 'Extension configs',
};

const MAX_VALUE = 100;

/** A value on one line, cut to a readable length. */
function show(v: JsonValue | undefined): string {
  const text = JSON.stringify(v) ?? 'undefined';
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

function fieldLine(f: FieldChange): string {
  switch (f.op) {
    case 'added':
      return `+ ${f.path}: ${show(f.after)}`;
    case 'removed':
      return `- ${f.path}: ${show(f.before)}`;
    case 'moved':
      return `~ ${f.path}: moved from position ${show(f.before)} to ${show(f.after)}`;
    case 'changed':
      return `~ ${f.path}: ${show(f.before)} -> ${show(f.after)}`;
  }
}

/**
 * The diff as text, grouped by kind: `+` added, `-` removed, `~` changed objects, each changed
 * object followed by its field changes. `names` labels the two sides in the header.
 */
export function formatDumpDiff(diff: DumpDiff, names: [string, string] = ['a', 'b']): string {
  const lines: string[] = [`--- ${names[0]}`, `+++ ${names[1]}`];
  let kind: DiffKind | undefined;
  for (const c of diff.changes) {
    if (c.kind !== kind) {
      kind = c.kind;
      const n = diff.changes.filter((x) => x.kind === kind).length;
      lines.push('', `${TITLE[kind]} (${n} of ${diff.compared[kind]} differ)`);
    }
    const mark = c.status === 'added' ? '+' : c.status === 'removed' ? '-' : '~';
    lines.push(`${mark} ${c.id}`);
    for (const f of c.fields) lines.push(`    ${fieldLine(f)}`);
  }
  if (diff.skipped.length > 0) lines.push('');
  for (const s of diff.skipped)
    lines.push(
      `note: ${TITLE[s.kind].toLowerCase()}${s.scope === 'static' ? ' (static)' : ''} not compared: ${s.reason}`,
    );
  const total = diff.changes.length;
  lines.push(
    '',
    total === 0
      ? 'No differences.'
      : total === 1
        ? '1 object differs.'
        : `${total} objects differ.`,
  );
  return lines.join('\n');
}
