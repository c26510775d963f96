import { describe, expect, it } from 'vitest';
import { goSortSlice } from './goSort';

// Expected permutations below were produced by Go 1.19's `sort.Slice` on the same inputs (a small
// Go program printing the original index of each element after sorting); ties and comparators
// that are not strict weak orders make them depend on the exact algorithm, which is the point.
const idsAfter = (values: number[], less: (a: number, b: number) => boolean): number[] =>
  goSortSlice(
    values.map((v, id) => ({ v, id })),
    (x, y) => less(x.v, y.v),
  ).map((x) => x.id);

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

describe('goSortSlice (Go sort.Slice, pdqsort)', () => {
  it('sorts by a proper order and leaves its input alone', () => {
    const input = [3, 1, 2];
    expect(goSortSlice(input, (a, b) => a < b)).toEqual([1, 2, 3]);
    expect(input).toEqual([3, 1, 2]);
  });

  it('small inputs (insertion sort): a non-order comparator moves numbers only up to a barrier', () => {
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

  it('60 elements with ties (key v/10): same order as Go', () => {
    const values = range(60).map((i) => (i * 37) % 101);
    expect(idsAfter(values, (a, b) => Math.floor(a / 10) < Math.floor(b / 10))).toEqual([
      52, 33, 22, 41, 0, 11, 14, 44, 36, 25, 3, 55, 58, 47, 28, 6, 39, 17, 50, 42, 20, 9, 31, 1, 12,
      53, 23, 45, 4, 34, 15, 7, 26, 37, 56, 48, 18, 29, 59, 51, 10, 40, 21, 43, 13, 54, 2, 32, 57,
      16, 46, 24, 35, 5, 38, 8, 49, 19, 27, 30,
    ]);
  });

  it('40 elements, values >= 1000 never "less" (a comparator that is not an order): same order as Go', () => {
    const values = range(40).map((i) => (i * 7919) % 1500);
    expect(idsAfter(values, (a, b) => a < 1000 && b < 1000 && a < b)).toEqual([
      0, 18, 36, 11, 29, 4, 22, 15, 33, 8, 26, 1, 19, 37, 12, 30, 28, 17, 14, 13, 20, 21, 10, 23,
      24, 25, 9, 27, 16, 7, 6, 31, 32, 5, 34, 35, 3, 2, 38, 39,
    ]);
  });

  it('70 elements with many duplicates (partitionEqual path): same order as Go', () => {
    const values = range(70).map((i) => (i % 5) * 3);
    expect(idsAfter(values, (a, b) => a < b)).toEqual([
      20, 30, 35, 65, 40, 5, 25, 60, 10, 55, 45, 0, 15, 50, 46, 51, 16, 11, 56, 41, 6, 21, 61, 36,
      66, 1, 26, 31, 17, 47, 57, 27, 32, 52, 12, 67, 7, 37, 62, 2, 22, 42, 48, 3, 63, 18, 38, 8, 43,
      23, 33, 68, 13, 53, 58, 28, 49, 9, 54, 59, 29, 4, 14, 44, 64, 19, 39, 24, 34, 69,
    ]);
  });
});
