import { describe, expect, it } from 'vitest';
import { formatSnapshotDetails, formatSnapshotList } from './formatSnapshots';
import type { SnapshotMeta } from './SnapshotStore';

const meta = (over: Partial<SnapshotMeta>): SnapshotMeta => ({
  id: 'abcdefghijkl',
  name: 'before rollout',
  kind: 'live',
  source: 'productpage-v1.bookinfo',
  viewState: null,
  createdAt: '2026-11-21T10:30:05.123Z',
  dumpBytes: 2_500_000,
  storedBytes: 180_000,
  ...over,
});

describe('snapshot terminal views', () => {
  it('lays the list out in aligned columns, one row per snapshot, in the given order', () => {
    const text = formatSnapshotList([
      meta({}),
      meta({ id: 'ZZZZZZZZZZZZ', name: 'x', kind: 'upload', source: '', dumpBytes: 900 }),
    ]);
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^ID\s+NAME\s+KIND\s+SOURCE\s+CREATED\s+SIZE$/);
    expect(lines[1]).toContain('2026-11-21 10:30:05Z');
    expect(lines[1]).toContain('2.4 MB');
    expect(lines[2]).toMatch(/^ZZZZZZZZZZZZ\s+x\s+upload\s+-\s+/);
    expect(lines[2]).toContain('900 bytes');
    // Columns line up: KIND starts at the same offset on every line.
    const kindAt = lines[0]!.indexOf('KIND');
    expect(lines[1]!.indexOf('live')).toBe(kindAt);
    expect(lines[2]!.indexOf('upload')).toBe(kindAt);
  });

  it('says so when there is nothing saved', () => {
    expect(formatSnapshotList([])).toBe('No saved snapshots.\n');
  });

  it('shows every field of one snapshot with its permalink', () => {
    const text = formatSnapshotDetails(meta({ viewState: 'view=graph' }));
    expect(text).toContain('view state: view=graph');
    expect(text).toContain('/?snapshot=abcdefghijkl');
    expect(text).toContain('175.8 KB stored gzipped');
  });
});
