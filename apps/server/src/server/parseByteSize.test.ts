import { describe, expect, it } from 'vitest';
import { formatByteSize, parseByteSize } from './parseByteSize';

describe('parseByteSize', () => {
  it('reads the units --max-upload accepts', () => {
    expect(parseByteSize('200mb')).toEqual({ ok: true, bytes: 200 * 1024 * 1024 });
    expect(parseByteSize('1.5GB')).toEqual({ ok: true, bytes: 1.5 * 1024 ** 3 });
    expect(parseByteSize('512kb')).toEqual({ ok: true, bytes: 512 * 1024 });
    expect(parseByteSize('1000')).toEqual({ ok: true, bytes: 1000 });
  });

  it('rejects what is not a size, saying what is', () => {
    for (const bad of ['', 'lots', '10tb', '-5mb', '0']) {
      const r = parseByteSize(bad);
      expect(r.ok, bad).toBe(false);
    }
    const r = parseByteSize('lots');
    expect(!r.ok && r.message).toContain('200mb');
  });

  it('formats sizes for messages', () => {
    expect(formatByteSize(200 * 1024 * 1024)).toBe('200 MB');
    expect(formatByteSize(1536)).toBe('1.5 KB');
    expect(formatByteSize(10)).toBe('10 bytes');
  });
});
