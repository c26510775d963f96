// Terminal views of saved snapshots for `meshlens snapshot list|show`.
import { WIDE_LAYOUT } from '../proxyConfig/table';
import { renderTable } from '../proxyConfig/tabwriter';
import { formatByteSize } from '../server/parseByteSize';
import { snapshotPermalink } from '@meshlens/contract';
import type { SnapshotMeta } from './SnapshotStore';

/** `2026-11-21T10:30:05.123Z` -> `2026-11-21 10:30:05Z` (UTC, to the second). */
function shortTime(iso: string): string {
  return iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

/** One row per snapshot, newest first as given: ID, NAME, KIND, SOURCE, CREATED, SIZE. */
export function formatSnapshotList(snapshots: readonly SnapshotMeta[]): string {
  if (snapshots.length === 0) return 'No saved snapshots.\n';
  return renderTable(
    ['ID', 'NAME', 'KIND', 'SOURCE', 'CREATED', 'SIZE'],
    snapshots.map((s) => [
      s.id,
      s.name,
      s.kind,
      s.source || '-',
      shortTime(s.createdAt),
      formatByteSize(s.dumpBytes),
    ]),
    { ...WIDE_LAYOUT, padding: 3 },
  );
}

/** Every field of one snapshot, one per line. */
export function formatSnapshotDetails(s: SnapshotMeta): string {
  const rows: [string, string][] = [
    ['id', s.id],
    ['name', s.name],
    ['kind', s.kind],
    ['source', s.source || '-'],
    ['created', shortTime(s.createdAt)],
    ['dump', `${formatByteSize(s.dumpBytes)} (${formatByteSize(s.storedBytes)} stored gzipped)`],
    ['view state', s.viewState ?? '-'],
    ['permalink', `${snapshotPermalink(s.id)} on a meshlens serve using this store`],
  ];
  return `${rows.map(([k, v]) => `${`${k}:`.padEnd(12)}${v}`).join('\n')}\n`;
}
