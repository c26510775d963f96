import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from './parseDuration';

describe('parseDuration', () => {
  it.each([
    ['2s', 2000],
    ['500ms', 500],
    ['1m30s', 90_000],
    ['1.5s', 1500],
    ['1h', 3_600_000],
    ['3', 3000],
    [' 10s ', 10_000],
  ])('%s -> %i ms', (text, ms) => {
    expect(parseDuration(text)).toEqual({ ok: true, ms });
  });

  it.each(['', '0s', '0', '-1s', '2x', 's', '2s garbage', '1m-5s', '10 s'])(
    'rejects %j with an example of the syntax',
    (text) => {
      const r = parseDuration(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toContain('e.g. 2s');
    },
  );

  it('formats timeouts for messages', () => {
    expect([
      formatDuration(250),
      formatDuration(1000),
      formatDuration(1500),
      formatDuration(15_000),
    ]).toEqual(['250ms', '1s', '1.5s', '15s']);
  });
});
