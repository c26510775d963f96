import { describe, expect, it } from 'vitest';
import { parseTolerantJson } from './parseTolerantJson';

describe('parseTolerantJson', () => {
  it('accepts trailing commas outside strings only', () => {
    expect(parseTolerantJson('{"a": [1, 2, ], "b": ",]", }')).toEqual({
      ok: true,
      value: { a: [1, 2], b: ',]' },
    });
  });
  it('reports line and column of other errors', () => {
    const r = parseTolerantJson('{\n  "a": 1\n  "b": 2\n}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.line).toBe(3);
  });
});
