/**
 * Builds X.509 v3 certificates shaped like the ones Istio's CA issues (RSA 2048, SHA-256), in pure
 * TypeScript so the browser can run it.
 *
 * They are NOT cryptographically valid: the public key modulus and the signature are seeded random
 * bytes, because nothing in Meshlens verifies signatures - it only reads serial, validity, subject
 * and SANs, exactly as `istioctl proxy-config secret` does. Every field that is read is real DER.
 */
import type { Random } from '../random';
import { base64Encode } from './base64';
import {
  bitString,
  booleanValue,
  concatBytes,
  explicit,
  implicitPrimitive,
  nullValue,
  objectIdentifier,
  octetString,
  sequence,
  set,
  smallInteger,
  unsignedInteger,
  utf8String,
  x509Time,
} from './der';
import { utf8Bytes } from './base64';

const OID = {
  sha256WithRsa: '1.2.840.113549.1.1.11',
  rsaEncryption: '1.2.840.113549.1.1.1',
  organization: '2.5.4.10',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  basicConstraints: '2.5.29.19',
  subjectKeyId: '2.5.29.14',
  authorityKeyId: '2.5.29.35',
  subjectAltName: '2.5.29.17',
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
} as const;

/** What to put in a certificate. */
export interface CertificateSpec {
  /** `O=` of the subject; absent = empty subject (Istio workload certificates have none). */
  subjectOrganization?: string;
  /** `O=` of the issuer. */
  issuerOrganization: string;
  notBefore: Date;
  notAfter: Date;
  /** URI SANs, e.g. `spiffe://cluster.local/ns/bookinfo/sa/bookinfo-reviews`. */
  uriSans: string[];
  isCa: boolean;
  /** Key identifier of this certificate (20 bytes). */
  keyId: Uint8Array;
  /** Key identifier of the issuer (for the authority key identifier extension). */
  issuerKeyId?: Uint8Array;
}

/** A generated certificate. */
export interface GeneratedCertificate {
  der: Uint8Array;
  pem: string;
  /** Serial number as upper-case hex (what `istioctl` and OpenSSL print). */
  serialHex: string;
}

const algorithm = (oid: string): Uint8Array => sequence(objectIdentifier(oid), nullValue());
const organizationName = (o: string): Uint8Array =>
  sequence(set(sequence(objectIdentifier(OID.organization), utf8String(o))));
const extension = (oid: string, critical: boolean, value: Uint8Array): Uint8Array =>
  critical
    ? sequence(objectIdentifier(oid), booleanValue(true), octetString(value))
    : sequence(objectIdentifier(oid), octetString(value));

function extensions(spec: CertificateSpec): Uint8Array {
  const list: Uint8Array[] = [];
  if (spec.isCa) {
    // keyCertSign (bit 5): one byte 0b00000100 with 2 unused bits.
    list.push(extension(OID.keyUsage, true, bitString(Uint8Array.of(0x04), 2)));
    list.push(extension(OID.basicConstraints, true, sequence(booleanValue(true))));
    list.push(extension(OID.subjectKeyId, false, octetString(spec.keyId)));
  } else {
    // digitalSignature (bit 0) + keyEncipherment (bit 2): 0b10100000 with 5 unused bits.
    list.push(extension(OID.keyUsage, true, bitString(Uint8Array.of(0xa0), 5)));
    list.push(
      extension(
        OID.extKeyUsage,
        false,
        sequence(objectIdentifier(OID.serverAuth), objectIdentifier(OID.clientAuth)),
      ),
    );
    list.push(extension(OID.basicConstraints, true, sequence()));
  }
  if (spec.issuerKeyId) {
    list.push(
      extension(OID.authorityKeyId, false, sequence(implicitPrimitive(0, spec.issuerKeyId))),
    );
  }
  if (spec.uriSans.length > 0) {
    const names = spec.uriSans.map((uri) => implicitPrimitive(6, utf8Bytes(uri)));
    list.push(extension(OID.subjectAltName, true, sequence(...names)));
  }
  return explicit(3, sequence(...list));
}

/** A fake RSA-2048 public key: a random odd 2048-bit modulus and exponent 65537. */
function publicKeyInfo(random: Random): Uint8Array {
  const modulus = random.bytes(256);
  modulus[0] = (modulus[0] ?? 0) | 0x80;
  modulus[255] = (modulus[255] ?? 0) | 0x01;
  const rsaKey = sequence(unsignedInteger(modulus), smallInteger(65537));
  return sequence(algorithm(OID.rsaEncryption), bitString(rsaKey));
}

const hex = (bytes: Uint8Array): string =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();

/** Wraps DER in PEM armour (64-character lines). */
export function toPem(der: Uint8Array, label = 'CERTIFICATE'): string {
  const b64 = base64Encode(der);
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 64) lines.push(b64.slice(i, i + 64));
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** Generates one certificate; `random` supplies serial, key and signature bytes. */
export function generateCertificate(spec: CertificateSpec, random: Random): GeneratedCertificate {
  const serial = random.bytes(16);
  serial[0] = (serial[0] ?? 0) & 0x7f || 0x01; // positive and without a leading zero byte
  const tbs = sequence(
    explicit(0, smallInteger(2)), // v3
    unsignedInteger(serial),
    algorithm(OID.sha256WithRsa),
    organizationName(spec.issuerOrganization),
    sequence(x509Time(spec.notBefore), x509Time(spec.notAfter)),
    spec.subjectOrganization ? organizationName(spec.subjectOrganization) : sequence(),
    publicKeyInfo(random),
    extensions(spec),
  );
  // Random "signature": see the file comment.
  const der = sequence(tbs, algorithm(OID.sha256WithRsa), bitString(random.bytes(256)));
  return { der, pem: toPem(der), serialHex: hex(serial) };
}

/** Bytes of a PEM bundle, for Envoy's `inline_bytes` (which base64-encodes the PEM text). */
export function pemInlineBytes(pems: readonly string[]): string {
  return base64Encode(concatBytes(pems.map((p) => utf8Bytes(p))));
}
