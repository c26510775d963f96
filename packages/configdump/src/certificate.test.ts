import { describe, expect, it } from 'vitest';
import { parseCertificateDer, parseInlineCertificates, parsePemCertificates } from './certificate';
import { readTlv } from './der';

// A tiny DER writer, independent of the reader under test, to build certificates field by field.
function tlv(tag: number, content: number[]): number[] {
  const n = content.length;
  const len = n < 128 ? [n] : n < 256 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
  return [tag, ...len, ...content];
}
const seq = (...items: number[][]): number[] => tlv(0x30, items.flat());
const set = (...items: number[][]): number[] => tlv(0x31, items.flat());
const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));
function oidBytes(dotted: string): number[] {
  const [a = 0, b = 0, ...rest] = dotted.split('.').map(Number);
  const out = [a * 40 + b];
  for (const v of rest) {
    const groups: number[] = [];
    let x = v;
    do {
      groups.unshift(x & 0x7f);
      x = Math.floor(x / 128);
    } while (x > 0);
    for (let i = 0; i < groups.length - 1; i++) groups[i]! |= 0x80;
    out.push(...groups);
  }
  return tlv(0x06, out);
}
const name = (...attrs: [string, string][]): number[] =>
  seq(...attrs.map(([oid, v]) => set(seq(oidBytes(oid), tlv(0x0c, ascii(v))))));

function certificate(opts: {
  serial: number[];
  notBefore: number[];
  notAfter: number[];
  subject: number[];
  sans?: number[][];
}): Uint8Array {
  const algo = seq(oidBytes('1.2.840.113549.1.1.11'), [0x05, 0x00]);
  const extensions = opts.sans
    ? [tlv(0xa3, seq(seq(oidBytes('2.5.29.17'), tlv(0x04, seq(...opts.sans)))))]
    : [];
  const tbs = seq(
    tlv(0xa0, tlv(0x02, [2])),
    tlv(0x02, opts.serial),
    algo,
    name(['2.5.4.10', 'issuer org']),
    seq(opts.notBefore, opts.notAfter),
    opts.subject,
    seq(algo, tlv(0x03, [0, 1, 2, 3])),
    ...extensions,
  );
  return new Uint8Array(seq(tbs, algo, tlv(0x03, [0, 9, 9])));
}

const utc = (s: string): number[] => tlv(0x17, ascii(s));
const gen = (s: string): number[] => tlv(0x18, ascii(s));

function toBase64(bytes: Uint8Array): string {
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | (b << 8) | c;
    out += abc[(n >> 18) & 63]! + abc[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? abc[(n >> 6) & 63]! : '=';
    out += i + 2 < bytes.length ? abc[n & 63]! : '=';
  }
  return out;
}
const pem = (der: Uint8Array): string =>
  `-----BEGIN CERTIFICATE-----\n${toBase64(der).replace(/.{64}/g, '$&\n')}\n-----END CERTIFICATE-----\n`;

describe('DER reader', () => {
  it('reads short and long definite lengths', () => {
    const long = new Uint8Array(tlv(0x04, new Array(300).fill(1)));
    expect(readTlv(long, 0)).toEqual({ tag: 0x04, start: 4, end: 304 });
    expect(readTlv(new Uint8Array([0x02, 0x01, 0x05]), 0)).toEqual({ tag: 2, start: 2, end: 3 });
  });

  it('rejects truncated or indefinite-length input', () => {
    expect(readTlv(new Uint8Array([0x30, 0x05, 0x01]), 0)).toBeUndefined();
    expect(readTlv(new Uint8Array([0x30, 0x80, 0x00, 0x00]), 0)).toBeUndefined();
    expect(readTlv(new Uint8Array([0x30]), 0)).toBeUndefined();
  });
});

describe('parseCertificateDer', () => {
  const der = certificate({
    serial: [0x00, 0x93, 0xa5, 0x43],
    notBefore: utc('230515013052Z'),
    notAfter: utc('491231235959Z'),
    subject: name(['2.5.4.10', 'cluster.local'], ['2.5.4.3', 'leaf']),
    sans: [
      tlv(0x86, ascii('spiffe://cluster.local/ns/default/sa/bookinfo')),
      tlv(0x82, ascii('reviews.default.svc')),
      tlv(0x87, [10, 0, 0, 7]),
    ],
  });

  it('reads serial (hex, sign byte dropped), validity, subject and SANs', () => {
    expect(parseCertificateDer(der)).toEqual({
      serialNumber: '93a543',
      notBefore: '2023-05-15T01:30:52Z',
      notAfter: '2049-12-31T23:59:59Z',
      subject: 'CN=leaf,O=cluster.local',
      subjectAltNames: [
        'spiffe://cluster.local/ns/default/sa/bookinfo',
        'reviews.default.svc',
        '10.0.0.7',
      ],
    });
  });

  it('keeps a leading zero nibble, as istioctl prints the serial bytes', () => {
    const c = certificate({
      serial: [0x01, 0x93],
      notBefore: utc('500101000000Z'),
      notAfter: gen('20330502034133Z'),
      subject: seq(),
    });
    const info = parseCertificateDer(c);
    expect(info?.serialNumber).toBe('0193');
    // Two-digit years 50..99 are 19xx (RFC 5280).
    expect(info?.notBefore).toBe('1950-01-01T00:00:00Z');
    expect(info?.notAfter).toBe('2033-05-02T03:41:33Z');
    expect(info?.subject).toBeUndefined();
    expect(info?.subjectAltNames).toEqual([]);
  });

  it('returns undefined for bytes that are not a certificate', () => {
    expect(parseCertificateDer(new Uint8Array([1, 2, 3]))).toBeUndefined();
    expect(parseCertificateDer(new Uint8Array(seq(tlv(0x02, [1]))))).toBeUndefined();
    expect(parseCertificateDer(der.subarray(0, der.length - 20))).toBeUndefined();
  });

  it('reads every certificate of a PEM chain, from text and from inline_bytes', () => {
    const second = certificate({
      serial: [0x7f],
      notBefore: utc('230101000000Z'),
      notAfter: utc('330101000000Z'),
      subject: name(['2.5.4.10', 'root']),
    });
    const chain = pem(der) + pem(second);
    expect(parsePemCertificates(chain).map((c) => c.serialNumber)).toEqual(['93a543', '7f']);
    const inline = toBase64(new Uint8Array(Array.from(chain, (c) => c.charCodeAt(0))));
    expect(parseInlineCertificates(inline).map((c) => c.serialNumber)).toEqual(['93a543', '7f']);
    expect(parseInlineCertificates(toBase64(second))[0]?.subject).toBe('O=root');
    expect(parseInlineCertificates('W3JlZGFjdGVkXQ==')).toEqual([]);
    expect(parseInlineCertificates('not base64 !')).toEqual([]);
  });
});
