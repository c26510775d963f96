import { describe, expect, it } from 'vitest';
import { parseTraceTarget } from './parseTraceTarget';

describe('parseTraceTarget', () => {
  it('reads method, host, port and path', () => {
    const r = parseTraceTarget('POST http://reviews:9080/reviews/1?x=1');
    expect(r.ok && r.target).toEqual({
      host: 'reviews',
      port: 9080,
      request: {
        authority: 'reviews:9080',
        path: '/reviews/1?x=1',
        method: 'POST',
        scheme: 'http',
        headers: [],
      },
    });
    const https = parseTraceTarget('https://[::1]');
    expect(https.ok && https.target.port).toBe(443);
    expect(https.ok && https.target.request?.authority).toBe('[::1]');
  });
  it('reads tcp targets and rejects nonsense with a usable message', () => {
    const t = parseTraceTarget('tcp://10.96.0.10:53');
    expect(t.ok && t.target).toEqual({ host: '10.96.0.10', port: 53 });
    const bad = parseTraceTarget('GET reviews');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/http:\/\//);
  });
});
