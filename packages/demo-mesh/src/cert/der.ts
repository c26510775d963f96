/**
 * A minimal DER (ASN.1 Distinguished Encoding Rules) writer: just the types an X.509 certificate
 * needs. Each function returns the complete TLV (tag, length, value) bytes.
 */
import { utf8Bytes } from './base64';

/** Concatenates byte arrays. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const p of parts) length += p.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/** A TLV with the given tag byte; DER lengths use the short form below 128, else the long form. */
export function tlv(tag: number, content: Uint8Array): Uint8Array {
  const len = content.length;
  let header: number[];
  if (len < 0x80) header = [tag, len];
  else {
    const lenBytes: number[] = [];
    for (let n = len; n > 0; n = Math.floor(n / 256)) lenBytes.unshift(n % 256);
    header = [tag, 0x80 | lenBytes.length, ...lenBytes];
  }
  return concatBytes([Uint8Array.from(header), content]);
}

export const sequence = (...items: Uint8Array[]): Uint8Array => tlv(0x30, concatBytes(items));
export const set = (...items: Uint8Array[]): Uint8Array => tlv(0x31, concatBytes(items));
export const nullValue = (): Uint8Array => Uint8Array.from([0x05, 0x00]);
export const booleanValue = (value: boolean): Uint8Array =>
  Uint8Array.from([0x01, 0x01, value ? 0xff : 0x00]);
export const octetString = (bytes: Uint8Array): Uint8Array => tlv(0x04, bytes);
export const utf8String = (text: string): Uint8Array => tlv(0x0c, utf8Bytes(text));
/** BIT STRING with no unused bits (keys, signatures, DER-wrapped values). */
export const bitString = (bytes: Uint8Array, unusedBits = 0): Uint8Array =>
  tlv(0x03, concatBytes([Uint8Array.from([unusedBits]), bytes]));
/** `[n] EXPLICIT` (constructed context-specific tag). */
export const explicit = (n: number, content: Uint8Array): Uint8Array => tlv(0xa0 | n, content);
/** `[n] IMPLICIT` of a primitive value (e.g. a GeneralName URI is `[6]`). */
export const implicitPrimitive = (n: number, bytes: Uint8Array): Uint8Array => tlv(0x80 | n, bytes);

/** INTEGER from big-endian unsigned magnitude bytes (adds the 0x00 that keeps it positive). */
export function unsignedInteger(magnitude: Uint8Array): Uint8Array {
  let start = 0;
  while (start < magnitude.length - 1 && magnitude[start] === 0) start++;
  const trimmed = magnitude.subarray(start);
  const needsPad = ((trimmed[0] ?? 0) & 0x80) !== 0;
  return tlv(0x02, needsPad ? concatBytes([Uint8Array.of(0), trimmed]) : trimmed);
}

/** INTEGER from a small non-negative number. */
export function smallInteger(value: number): Uint8Array {
  const bytes: number[] = [];
  for (let n = value; n > 0; n = Math.floor(n / 256)) bytes.unshift(n % 256);
  return unsignedInteger(Uint8Array.from(bytes.length ? bytes : [0]));
}

/** OBJECT IDENTIFIER from dotted notation. */
export function objectIdentifier(dotted: string): Uint8Array {
  const arcs = dotted.split('.').map(Number);
  const [first = 0, second = 0, ...rest] = arcs;
  const out: number[] = [first * 40 + second];
  for (const arc of rest) {
    const groups: number[] = [arc & 0x7f];
    for (let n = Math.floor(arc / 128); n > 0; n = Math.floor(n / 128))
      groups.unshift(0x80 | (n & 0x7f));
    out.push(...groups);
  }
  return tlv(0x06, Uint8Array.from(out));
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** X.509 `Time`: UTCTime up to 2049, GeneralizedTime from 2050 (RFC 5280 section 4.1.2.5). */
export function x509Time(date: Date): Uint8Array {
  const y = date.getUTCFullYear();
  const rest =
    pad2(date.getUTCMonth() + 1) +
    pad2(date.getUTCDate()) +
    pad2(date.getUTCHours()) +
    pad2(date.getUTCMinutes()) +
    pad2(date.getUTCSeconds()) +
    'Z';
  if (y < 2050) return tlv(0x17, utf8Bytes(pad2(y % 100) + rest));
  return tlv(0x18, utf8Bytes(String(y) + rest));
}
