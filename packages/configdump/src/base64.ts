import { strFromU8 } from 'fflate';

// Own base64 decoder: the package targets ES2023 without DOM or Node typings, so neither
// `atob` nor `Buffer` is available to it.
const LOOKUP = new Int16Array(128).fill(-1);
{
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let i = 0; i < alphabet.length; i++) LOOKUP[alphabet.charCodeAt(i)] = i;
  // URL-safe variants decode too.
  LOOKUP['-'.charCodeAt(0)] = 62;
  LOOKUP['_'.charCodeAt(0)] = 63;
}

/** Decodes base64 (standard or URL-safe, whitespace ignored); undefined on a bad character. */
export function base64ToBytes(text: string): Uint8Array | undefined {
  const out = new Uint8Array(Math.floor((text.length * 3) / 4) + 3);
  let n = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 61 /* = */) break;
    if (c === 32 || c === 10 || c === 13 || c === 9) continue;
    const v = c < 128 ? (LOOKUP[c] ?? -1) : -1;
    if (v < 0) return undefined;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (acc >> bits) & 0xff;
      acc &= (1 << bits) - 1;
    }
  }
  return out.subarray(0, n);
}

/** UTF-8 bytes to text (invalid sequences do not throw). */
export function bytesToText(bytes: Uint8Array): string {
  try {
    return strFromU8(bytes);
  } catch {
    return strFromU8(bytes, true);
  }
}
