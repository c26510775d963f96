import { describe, expect, it } from 'vitest';
import { pickWeightedCluster } from './pickWeightedCluster';

const clusters = [
  { name: 'a', weight: 30 },
  { name: 'zero', weight: 0 },
  { name: 'b', weight: 30 },
  { name: 'c', weight: 40 },
];

describe('pickWeightedCluster', () => {
  it.each([
    [0, 'a'],
    [29, 'a'],
    [30, 'b'],
    [59, 'b'],
    [60, 'c'],
    [99, 'c'],
    [115, 'a'],
    [445, 'b'],
    [560, 'c'],
  ])('random %i -> %s', (value, name) => {
    expect(pickWeightedCluster(clusters, value).chosen?.name).toBe(name);
  });
  it('never chooses a zero weight and reports percentages; no value -> no choice', () => {
    const p = pickWeightedCluster(clusters, undefined);
    expect(p.chosen).toBeUndefined();
    expect(p.total).toBe(100);
    expect(p.branches.map((b) => b.percent)).toEqual([30, 0, 30, 40]);
  });
  it('applies runtime weight overrides', () => {
    expect(pickWeightedCluster(clusters, 10, (n) => (n === 'a' ? 0 : undefined)).chosen?.name).toBe(
      'b',
    );
  });
});
