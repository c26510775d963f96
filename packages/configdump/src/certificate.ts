import { base64ToBytes, bytesToText } from './base64';
import type { Tlv } from './der';
import { children, hex, oid, readTlv, text, time } from './der';
import type { CertificateInfo } from './model';

const NAME_ATTRS: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.5': 'SERIALNUMBER',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'STREET',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '0.9.2342.19200300.100.1.25': 'DC',
  '1.2.840.113549.1.9.1': 'emailAddress',
};

const SUBJECT_ALT_NAME = '2.5.29.17';

/** An X.501 Name as `CN=a,O=b` (most specific first, as Go's `pkix.Name.String` prints it). */
function nameText(buf: Uint8Array, name: Tlv): string {
  const parts: string[] = [];
  for (const rdn of children(buf, name)) {
    for (const atv of children(buf, rdn)) {
      const [type, value] = children(buf, atv);
      if (!type || !value) continue;
      const id = oid(buf, type);
      parts.push(`${NAME_ATTRS[id] ?? id}=${text(buf, value)}`);
    }
  }
  return parts.reverse().join(',');
}

function ipText(buf: Uint8Array, t: Tlv): string {
  const n = t.end - t.start;
  if (n === 4) return Array.from(buf.subarray(t.start, t.end)).join('.');
  if (n === 16) {
    const groups: string[] = [];
    for (let i = t.start; i < t.end; i += 2)
      groups.push(((buf[i]! << 8) | buf[i + 1]!).toString(16));
    return groups.join(':');
  }
  return hex(buf, t.start, t.end);
}

function subjectAltNames(buf: Uint8Array, extensions: Tlv): string[] {
  const out: string[] = [];
  // [3] EXPLICIT Extensions ::= SEQUENCE OF Extension { extnID, critical?, extnValue OCTET STRING }
  const seq = children(buf, extensions)[0];
  if (!seq) return out;
  for (const ext of children(buf, seq)) {
    const parts = children(buf, ext);
    const id = parts[0];
    const value = parts[parts.length - 1];
    if (!id || !value || oid(buf, id) !== SUBJECT_ALT_NAME || value.tag !== 0x04) continue;
    const names = readTlv(buf, value.start, value.end);
    if (!names) continue;
    for (const gn of children(buf, names)) {
      const kind = gn.tag & 0x1f;
      if (kind === 1 || kind === 2 || kind === 6) out.push(text(buf, gn));
      else if (kind === 7) out.push(ipText(buf, gn));
    }
  }
  return out;
}

/** Reads serial, validity, subject and SANs from one DER certificate; undefined if unreadable. */
export function parseCertificateDer(buf: Uint8Array): CertificateInfo | undefined {
  const cert = readTlv(buf, 0);
  if (!cert || cert.tag !== 0x30) return undefined;
  const tbs = children(buf, cert)[0];
  if (!tbs || tbs.tag !== 0x30) return undefined;
  const f = children(buf, tbs);
  // version is an optional [0] EXPLICIT field.
  let i = f[0]?.tag === 0xa0 ? 1 : 0;
  const serial = f[i++];
  i += 2; // signature algorithm, issuer
  const validity = f[i++];
  const subject = f[i++];
  if (!serial || serial.tag !== 0x02 || !validity || !subject) return undefined;
  const info: CertificateInfo = { subjectAltNames: [] };
  // istioctl prints the serial's big-endian bytes in hex: drop DER's sign-padding zero bytes only.
  let s = serial.start;
  while (s < serial.end - 1 && buf[s] === 0) s++;
  info.serialNumber = hex(buf, s, serial.end);
  const [nb, na] = children(buf, validity);
  const notBefore = nb && time(buf, nb);
  if (notBefore) info.notBefore = notBefore;
  const notAfter = na && time(buf, na);
  if (notAfter) info.notAfter = notAfter;
  const subj = nameText(buf, subject);
  if (subj) info.subject = subj;
  for (let k = i; k < f.length; k++) {
    if (f[k]!.tag === 0xa3) info.subjectAltNames = subjectAltNames(buf, f[k]!);
  }
  return info;
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g;

/** Certificates in PEM text (one or more blocks). */
export function parsePemCertificates(pem: string): CertificateInfo[] {
  const out: CertificateInfo[] = [];
  for (const m of pem.matchAll(PEM_BLOCK)) {
    const der = base64ToBytes(m[1] ?? '');
    const info = der && parseCertificateDer(der);
    if (info) out.push(info);
  }
  return out;
}

/**
 * Certificates in an Envoy `DataSource.inline_bytes` value: base64 of PEM text (what Envoy and
 * Istio write) or of raw DER.
 */
export function parseInlineCertificates(base64: string): CertificateInfo[] {
  const bytes = base64ToBytes(base64);
  if (!bytes || bytes.length === 0) return [];
  if (bytes[0] === 0x30) {
    const info = parseCertificateDer(bytes);
    return info ? [info] : [];
  }
  return parsePemCertificates(bytesToText(bytes));
}
