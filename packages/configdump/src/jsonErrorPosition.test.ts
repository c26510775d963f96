import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonErrorPosition, lineColumn } from './jsonErrorPosition';
import { locateJsonError } from './locateJsonError';

function parseError(text: string): string | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

describe('lineColumn', () => {
  it('is 1-based and counts columns from the last line break', () => {
    const t = 'ab\ncde\n\nf';
    expect(lineColumn(t, 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn(t, 2)).toEqual({ line: 1, column: 3 });
    expect(lineColumn(t, 3)).toEqual({ line: 2, column: 1 });
    expect(lineColumn(t, 5)).toEqual({ line: 2, column: 3 });
    expect(lineColumn(t, 8)).toEqual({ line: 4, column: 1 });
    expect(lineColumn(t, 99)).toEqual({ line: 4, column: 2 });
  });
});

describe('jsonErrorPosition', () => {
  const text = '{\n  "a": 1,\n  "b": x\n}';

  it('reads "at position N" (V8)', () => {
    expect(jsonErrorPosition(text, 'Unexpected token in JSON at position 19')).toEqual({
      line: 3,
      column: 8,
    });
  });

  it('prefers "(line L column C)" (newer V8) and reads Firefox messages', () => {
    expect(
      jsonErrorPosition(text, 'Unexpected token in JSON at position 19 (line 3 column 8)'),
    ).toEqual({ line: 3, column: 8 });
    expect(
      jsonErrorPosition(
        text,
        'JSON.parse: unexpected character at line 3 column 8 of the JSON data',
      ),
    ).toEqual({ line: 3, column: 8 });
  });

  it('scans the text when the message has no position', () => {
    const msg = parseError(text) ?? '';
    expect(jsonErrorPosition(text, 'Unexpected token x, ... is not valid JSON')).toEqual({
      line: 3,
      column: 8,
    });
    expect(jsonErrorPosition(text, msg)).toEqual({ line: 3, column: 8 });
    expect(jsonErrorPosition('{"a": [1, 2', 'Unexpected end of JSON input')).toEqual({
      line: 1,
      column: 12,
    });
  });
});

describe('locateJsonError', () => {
  it('accepts valid JSON', () => {
    fc.assert(
      fc.property(fc.json(), (j) => {
        expect(locateJsonError(j)).toBeUndefined();
      }),
      { numRuns: 300 },
    );
    expect(locateJsonError(' {"a" : [ ] , "b":{}} \n')).toBeUndefined();
  });

  it('finds the same offset as V8 whenever V8 reports one', () => {
    let compared = 0;
    fc.assert(
      fc.property(
        fc.json(),
        fc.nat(),
        fc.string({ maxLength: 2 }),
        fc.nat({ max: 2 }),
        (j, at, insert, remove) => {
          const p = at % (j.length + 1);
          const t = j.slice(0, p) + insert + j.slice(p + remove);
          const msg = parseError(t);
          if (msg === undefined) {
            expect(locateJsonError(t)).toBeUndefined();
            return;
          }
          const m = /at position (\d+)/.exec(msg);
          expect(locateJsonError(t)).toBeDefined();
          if (m) {
            compared++;
            expect(locateJsonError(t), `${JSON.stringify(t)}: ${msg}`).toBe(Number(m[1]));
          }
        },
      ),
      { numRuns: 2000 },
    );
    expect(compared).toBeGreaterThan(100);
  });

  it('does not overflow on deep nesting', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(99_999);
    expect(locateJsonError(deep)).toBe(deep.length);
  });
});
