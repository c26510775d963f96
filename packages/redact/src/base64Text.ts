const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of an ASCII string (placeholders only; no Node `Buffer`, no DOM `btoa`). */
export function encodeBase64Ascii(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 3) {
    const [a, b, c] = [text.charCodeAt(i), text.charCodeAt(i + 1), text.charCodeAt(i + 2)];
    const n = (a << 16) | ((b || 0) << 8) | (c || 0);
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!;
    out += i + 1 < text.length ? ALPHABET[(n >> 6) & 63]! : '=';
    out += i + 2 < text.length ? ALPHABET[n & 63]! : '=';
  }
  return out;
}

/** ASCII text of a base64 string, or `undefined` when it is not base64. */
export function decodeBase64Ascii(b64: string): string | undefined {
  const clean = b64.replace(/\s+/g, '').replace(/=+$/, '');
  if (!/^[A-Za-z0-9+/]*$/.test(clean)) return undefined;
  let out = '';
  let bits = 0;
  let acc = 0;
  for (const ch of clean) {
    acc = (acc << 6) | ALPHABET.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((acc >> bits) & 255);
    }
  }
  return out;
}
