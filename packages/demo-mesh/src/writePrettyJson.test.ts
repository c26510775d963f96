import fc from 'fast-check';
import type { JsonValue } from '@meshlens/configdump';
import { describe, expect, it } from 'vitest';
import { writePrettyJson } from './writePrettyJson';

function collect(value: JsonValue, indent?: number): { text: string; chunks: string[] } {
  const chunks: string[] = [];
  writePrettyJson(value, (c) => chunks.push(c), indent);
  return { text: chunks.join(''), chunks };
}

describe('writePrettyJson', () => {
  it('writes exactly what JSON.stringify writes, for any JSON value and indent', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 2, 4), (value, indent) => {
        const v = value as JsonValue;
        expect(collect(v, indent).text).toBe(JSON.stringify(v, null, indent));
      }),
      { numRuns: 300 },
    );
  });

  it('streams large values in bounded chunks', () => {
    const big: JsonValue = {
      items: Array.from({ length: 50_000 }, (_, i) => ({ i, name: `item-${i}` })),
    };
    const { text, chunks } = collect(big);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c.length).toBeLessThan((1 << 20) + 1024);
    expect(text).toBe(JSON.stringify(big, null, 2));
  });
});
