import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToText } from './base64';

const text = (b64: string): string | undefined => {
  const b = base64ToBytes(b64);
  return b && bytesToText(b);
};

describe('base64ToBytes', () => {
  it('decodes the RFC 4648 test vectors', () => {
    const vectors: [string, string][] = [
      ['', ''],
      ['Zg==', 'f'],
      ['Zm8=', 'fo'],
      ['Zm9v', 'foo'],
      ['Zm9vYg==', 'foob'],
      ['Zm9vYmE=', 'fooba'],
      ['Zm9vYmFy', 'foobar'],
    ];
    for (const [b64, plain] of vectors) expect(text(b64), b64).toBe(plain);
  });

  it('ignores line breaks, accepts the URL-safe alphabet and unpadded input', () => {
    expect(text('Zm9v\nYmFy\r\n')).toBe('foobar');
    expect(Array.from(base64ToBytes('-_8')!)).toEqual([0xfb, 0xff]);
    expect(text('Zm9vYg')).toBe('foob');
  });

  it('rejects characters outside the alphabet', () => {
    expect(base64ToBytes('Zm9v*')).toBeUndefined();
    expect(base64ToBytes('Zm9vé')).toBeUndefined();
  });

  it('decodes UTF-8 text', () => {
    expect(text('aMOpbGxv')).toBe('héllo');
  });
});
