import { describe, expect, it } from 'vitest';
import { createRandom } from './random';

describe('createRandom', () => {
  it('repeats for a seed and differs between seeds', () => {
    const seq = (seed: number): number[] => {
      const r = createRandom(seed);
      return Array.from({ length: 20 }, () => r.int(0, 1_000_000));
    };
    expect(seq(42)).toEqual(seq(42));
    expect(seq(42)).not.toEqual(seq(43));
  });

  it('forks streams that do not depend on what the parent drew before', () => {
    const a = createRandom(9);
    const b = createRandom(9);
    b.next();
    b.next();
    expect(a.fork('x').chars(12, 'abcdef')).toBe(b.fork('x').chars(12, 'abcdef'));
    expect(a.fork('x').chars(12, 'abcdef')).not.toBe(a.fork('y').chars(12, 'abcdef'));
  });

  it('stays within bounds and covers them', () => {
    const r = createRandom(1);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const n = r.int(3, 7);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(7);
      seen.add(n);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });
});
