import { describe, expect, it } from 'vitest';
import { xdsStatus } from './xdsStatus';

describe('xdsStatus (istioctl nonce rule)', () => {
  it('is NOT SENT when nothing was sent, whatever was acked', () => {
    expect(xdsStatus('', '')).toBe('NOT SENT');
    expect(xdsStatus(undefined, 'n1')).toBe('NOT SENT');
  });
  it('is SYNCED when the last sent nonce was acknowledged', () => {
    expect(xdsStatus('n1', 'n1')).toBe('SYNCED');
  });
  it('is STALE (Never Acknowledged) when nothing was acknowledged', () => {
    expect(xdsStatus('n1', '')).toBe('STALE (Never Acknowledged)');
  });
  it('is STALE when an older nonce was acknowledged', () => {
    expect(xdsStatus('n2', 'n1')).toBe('STALE');
  });
});
