import { describe, expect, it } from 'vitest';
import { objectIdentifier, sequence, smallInteger, tlv, unsignedInteger, x509Time } from './der';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

describe('DER writer', () => {
  it('encodes object identifiers (RFC 8017 / X.690 examples)', () => {
    // sha256WithRSAEncryption, as printed by `openssl asn1parse`.
    expect(hex(objectIdentifier('1.2.840.113549.1.1.11'))).toBe('06092a864886f70d01010b');
    // id-ce-subjectAltName.
    expect(hex(objectIdentifier('2.5.29.17'))).toBe('0603551d11');
  });

  it('uses short lengths below 128 bytes and long-form lengths above', () => {
    expect(hex(tlv(0x04, new Uint8Array(127))).slice(0, 4)).toBe('047f');
    expect(hex(tlv(0x04, new Uint8Array(200))).slice(0, 6)).toBe('0481c8');
    expect(hex(tlv(0x04, new Uint8Array(300))).slice(0, 8)).toBe('0482012c');
    expect(hex(sequence())).toBe('3000');
  });

  it('keeps integers positive and minimal', () => {
    expect(hex(smallInteger(0))).toBe('020100');
    expect(hex(smallInteger(2))).toBe('020102');
    expect(hex(smallInteger(65537))).toBe('0203010001');
    expect(hex(unsignedInteger(Uint8Array.of(0x80)))).toBe('02020080');
    expect(hex(unsignedInteger(Uint8Array.of(0, 0, 0x7f)))).toBe('02017f');
  });

  it('writes UTCTime before 2050 and GeneralizedTime from 2050 (RFC 5280 4.1.2.5)', () => {
    const ascii = (b: Uint8Array): string => Buffer.from(b.subarray(2)).toString('latin1');
    const utc = x509Time(new Date('2026-01-01T00:00:00Z'));
    expect(utc[0]).toBe(0x17);
    expect(ascii(utc)).toBe('260101000000Z');
    const generalized = x509Time(new Date('2050-06-30T12:34:56Z'));
    expect(generalized[0]).toBe(0x18);
    expect(ascii(generalized)).toBe('20500630123456Z');
  });
});
