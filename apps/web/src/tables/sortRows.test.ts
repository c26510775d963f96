import { describe, expect, it } from 'vitest';
import { sortRows } from './sortRows';

const rows = [
  { name: 'b', port: 9080 },
  { name: 'a', port: undefined },
  { name: 'c', port: 80 },
  { name: '', port: 15001 },
  { name: 'a', port: 443 },
];

describe('sortRows', () => {
  it('sorts numbers numerically, not as text, with empty cells last', () => {
    expect(sortRows(rows, 'port', false).map((r) => r.port)).toEqual([
      80,
      443,
      9080,
      15001,
      undefined,
    ]);
    expect(sortRows(rows, 'port', true).map((r) => r.port)).toEqual([
      15001,
      9080,
      443,
      80,
      undefined,
    ]);
  });

  it('is stable and keeps empty text last when descending', () => {
    expect(sortRows(rows, 'name', false).map((r) => `${r.name}${r.port ?? '-'}`)).toEqual([
      'a-',
      'a443',
      'b9080',
      'c80',
      '15001',
    ]);
    expect(sortRows(rows, 'name', true).map((r) => r.name)).toEqual(['c', 'b', 'a', 'a', '']);
  });

  it('does not change its input', () => {
    const copy = [...rows];
    sortRows(rows, 'name', true);
    expect(rows).toEqual(copy);
  });
});
