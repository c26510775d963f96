import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64Encode, utf8Bytes } from './base64';

describe('base64Encode / utf8Bytes', () => {
  it('matches Node for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(base64Encode(bytes)).toBe(Buffer.from(bytes).toString('base64'));
      }),
    );
  });

  it('matches Node for any well-formed string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 100 }), (text) => {
        expect(Buffer.from(utf8Bytes(text)).equals(Buffer.from(text, 'utf8'))).toBe(true);
      }),
    );
  });
});
