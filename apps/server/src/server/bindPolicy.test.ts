import { describe, expect, it } from 'vitest';
import { checkBindPolicy, isLoopbackHost } from './bindPolicy';

describe('isLoopbackHost', () => {
  it.each(['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1'])(
    '%s is loopback',
    (h) => expect(isLoopbackHost(h)).toBe(true),
  );
  it.each(['0.0.0.0', '10.0.0.1', '192.168.1.2', '::', 'example.com', '128.0.0.1'])(
    '%s is not loopback',
    (h) => expect(isLoopbackHost(h)).toBe(false),
  );
});

describe('checkBindPolicy', () => {
  it('allows loopback, and other hosts only with a token or --insecure', () => {
    expect(checkBindPolicy({ host: '127.0.0.1' })).toBeUndefined();
    expect(checkBindPolicy({ host: '0.0.0.0' })?.code).toBe('non_loopback_without_auth');
    expect(checkBindPolicy({ host: '0.0.0.0', authToken: '' })).toBeDefined();
    expect(checkBindPolicy({ host: '0.0.0.0', authToken: 't' })).toBeUndefined();
    expect(checkBindPolicy({ host: '0.0.0.0', insecure: true })).toBeUndefined();
  });
});
