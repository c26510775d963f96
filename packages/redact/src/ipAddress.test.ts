import { describe, expect, it } from 'vitest';
import { ipv4Placeholder, ipv6Placeholder, isIpv4, isIpv6, isPlaceholderIp } from './ipAddress';

describe('ipAddress', () => {
  it('recognises IPv4 and IPv6 text forms', () => {
    expect(isIpv4('10.1.2.3')).toBe(true);
    expect(isIpv4('10.1.2.300')).toBe(false);
    for (const ok of [
      '::',
      '::1',
      'fe80::863:a7ff:fe55:26a9',
      '2001:db8:0:0:0:0:0:1',
      '::ffff:10.0.0.1',
    ])
      expect(isIpv6(ok), ok).toBe(true);
    for (const bad of ['09:58:27', '1:2:3', 'fe80:::1', '1::2::3', 'g::1'])
      expect(isIpv6(bad), bad).toBe(false);
  });

  it('makes placeholders in reserved ranges, valid and recognisable', () => {
    for (const h of [0, 1, 0xffffffff, 123456789, 0x80000000]) {
      const v4 = ipv4Placeholder(h);
      expect(isIpv4(v4), v4).toBe(true);
      expect(isPlaceholderIp(v4), v4).toBe(true);
      expect(v4).not.toBe('255.255.255.255');
      const v6 = ipv6Placeholder(h);
      expect(isIpv6(v6), v6).toBe(true);
      expect(isPlaceholderIp(v6), v6).toBe(true);
    }
  });
});
