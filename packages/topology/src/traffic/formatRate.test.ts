import { describe, expect, it } from 'vitest';
import { goFixed, rateToString } from './formatRate';

describe('goFixed', () => {
  it('rounds exact binary ties to even, as Go does', () => {
    expect(goFixed(12.25, 1)).toBe('12.2');
    expect(goFixed(12.75, 1)).toBe('12.8');
    expect(goFixed(0.125, 2)).toBe('0.12');
  });
  it('rounds non-ties to nearest', () => {
    expect(goFixed(100 / 3, 1)).toBe('33.3');
    expect(goFixed(200 / 3, 1)).toBe('66.7');
    expect(goFixed(0.15, 1)).toBe('0.1'); // 0.15 is 0.1499999… in binary
  });
});

describe('rateToString', () => {
  it('keeps two decimals for ordinary rates and widens for small ones', () => {
    expect(rateToString(2, 80)).toBe('80.00');
    expect(rateToString(2, 0.004)).toBe('0.004');
    expect(rateToString(2, 0.0000123)).toBe('0.00001');
  });
});
