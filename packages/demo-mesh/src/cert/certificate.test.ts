import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../random';
import { generateCertificate, pemInlineBytes } from './certificate';

const spec = {
  issuerOrganization: 'cluster.local',
  notBefore: new Date('2026-03-01T10:00:00Z'),
  notAfter: new Date('2026-03-02T11:00:00Z'),
  uriSans: ['spiffe://cluster.local/ns/bookinfo/sa/bookinfo-reviews'],
  isCa: false,
  keyId: new Uint8Array(20).fill(7),
  issuerKeyId: new Uint8Array(20).fill(9),
};

describe('generateCertificate', () => {
  it('produces a certificate OpenSSL reads: serial, validity, names, SAN, key usage', () => {
    const cert = generateCertificate(spec, createRandom(5));
    const x = new X509Certificate(cert.pem);
    expect(x.serialNumber.toUpperCase()).toBe(cert.serialHex);
    expect(cert.serialHex).toMatch(/^[0-7][0-9A-F]{31}$/);
    expect(new Date(x.validFrom).toISOString()).toBe('2026-03-01T10:00:00.000Z');
    expect(new Date(x.validTo).toISOString()).toBe('2026-03-02T11:00:00.000Z');
    expect(x.issuer).toBe('O=cluster.local');
    expect(x.subject ?? '').toBe(''); // Istio workload certificates have an empty subject
    expect(x.subjectAltName).toBe('URI:spiffe://cluster.local/ns/bookinfo/sa/bookinfo-reviews');
    expect(x.ca).toBe(false);
    expect(x.keyUsage ?? []).toEqual(
      expect.arrayContaining(['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2']),
    );
    expect(x.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(Buffer.from(x.raw).equals(Buffer.from(cert.der))).toBe(true);
  });

  it('makes CA certificates and is deterministic for a seed', () => {
    const ca = { ...spec, isCa: true, subjectOrganization: 'cluster.local', uriSans: [] };
    const a = generateCertificate(ca, createRandom(11));
    const b = generateCertificate(ca, createRandom(11));
    const c = generateCertificate(ca, createRandom(12));
    expect(a.pem).toBe(b.pem);
    expect(a.pem).not.toBe(c.pem);
    const x = new X509Certificate(a.pem);
    expect(x.ca).toBe(true);
    expect(x.subject).toBe('O=cluster.local');
    expect(x.subjectAltName).toBeUndefined();
  });

  it('has a random, unverifiable signature (documented: nothing in Meshlens verifies it)', () => {
    const ca = { ...spec, isCa: true, subjectOrganization: 'cluster.local', uriSans: [] };
    const x = new X509Certificate(generateCertificate(ca, createRandom(3)).pem);
    expect(x.verify(x.publicKey)).toBe(false);
  });

  it('base64-encodes PEM bundles the way Envoy dumps inline_bytes', () => {
    const a = generateCertificate(spec, createRandom(1)).pem;
    const b = generateCertificate(spec, createRandom(2)).pem;
    expect(Buffer.from(pemInlineBytes([a, b]), 'base64').toString('utf8')).toBe(a + b);
  });
});
