import { describe, expect, it } from 'vitest';
import { filterRows, rowSearchText } from './filterRows';

const rows = [
  { fqdn: 'reviews.default.svc.cluster.local', port: 9080, subset: 'v1' },
  { fqdn: 'ratings.default.svc.cluster.local', port: 9080, subset: 'v2' },
  { fqdn: 'BlackHoleCluster', port: undefined, subset: '-' },
];
const keys = ['fqdn', 'port', 'subset'] as const;
const texts = rows.map((r) => rowSearchText(r, keys));

describe('filterRows', () => {
  it('matches case-insensitively across columns, every term required', () => {
    expect(filterRows(rows, texts, 'REVIEWS').map((r) => r.fqdn)).toEqual([
      'reviews.default.svc.cluster.local',
    ]);
    expect(filterRows(rows, texts, '9080 v2').map((r) => r.fqdn)).toEqual([
      'ratings.default.svc.cluster.local',
    ]);
    expect(filterRows(rows, texts, 'blackhole 9080')).toEqual([]);
  });

  it('does not match across the boundary of two cells', () => {
    // "local9080" would match if the cells were simply concatenated.
    expect(filterRows(rows, texts, 'local9080')).toEqual([]);
  });

  it('returns every row for an empty filter', () => {
    expect(filterRows(rows, texts, '  ')).toHaveLength(3);
  });
});
