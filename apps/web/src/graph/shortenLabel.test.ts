import { describe, expect, it } from 'vitest';
import { shortenLabel } from './shortenLabel';

describe('shortenLabel', () => {
  it('keeps short names', () => {
    expect(shortenLabel('reviews', 10)).toBe('reviews');
  });
  it('cuts the middle so both the direction/port and the host stay readable', () => {
    const out = shortenLabel('outbound|9080|v1|reviews.default.svc.cluster.local', 33);
    expect(out).toHaveLength(33);
    expect(out.startsWith('outbound|9080')).toBe(true);
    expect(out.endsWith('cluster.local')).toBe(true);
    expect(out).toContain('…');
  });
});
