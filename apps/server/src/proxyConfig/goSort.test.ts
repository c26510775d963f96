import { describe, expect, it } from 'vitest';
import { goSortSlice } from './goSort';

describe('goSortSlice', () => {
  it('sorts by a proper order', () => {
    expect(goSortSlice([3, 1, 2], (a, b) => a < b)).toEqual([1, 2, 3]);
  });

  it('does not modify its input', () => {
    const input = [2, 1];
    goSortSlice(input, (a, b) => a < b);
    expect(input).toEqual([2, 1]);
  });

  it('reproduces insertion-sort results for a comparator that is not an order (istioctl route names)', () => {
    // Numeric names compare; "x" is never less and nothing is less than it: numbers only move
    // among their neighbours up to the "x" barrier.
    const num = (s: string): number | undefined => (/^\d+$/.test(s) ? Number(s) : undefined);
    const less = (a: string, b: string): boolean => {
      const x = num(a);
      const y = num(b);
      return x !== undefined && y !== undefined && x < y;
    };
    expect(goSortSlice(['9080', '80', 'x', '443', '15010'], less)).toEqual([
      '80',
      '9080',
      'x',
      '443',
      '15010',
    ]);
  });
});
