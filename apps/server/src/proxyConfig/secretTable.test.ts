import type { Secret } from '@meshlens/configdump';
import { describe, expect, it } from 'vitest';
import { formatRfc3339, isCertValid } from '@meshlens/istioctl';
import { listedSecrets, secretTable } from './secretTable';

const secret = (
  name: string,
  state: Secret['state'],
  kind: Secret['kind'],
  cert?: Secret['certificates'][number],
): Secret => ({
  name,
  state,
  kind,
  certificates: cert ? [cert] : [],
  raw: null,
});

const certA = {
  serialNumber: '0193A5',
  notBefore: '2023-05-05T03:41:33Z',
  notAfter: '2033-05-02T03:41:33.000Z',
  subjectAltNames: [],
};
const secrets = [
  secret('default', 'active', 'cert_chain', { ...certA, notAfter: '2023-05-16T01:32:52Z' }),
  secret('ROOTCA', 'active', 'ca', certA),
  secret('configmap://x', 'warming', 'unknown'),
  secret('static', 'static', 'generic'),
];

describe('secret table', () => {
  it('lists warming secrets first, then active ones; static ones are not listed', () => {
    expect(listedSecrets(secrets).map((s) => s.name)).toEqual([
      'configmap://x',
      'default',
      'ROOTCA',
    ]);
  });

  it('VALID CERT is strictly inside notBefore..notAfter of the first certificate', () => {
    const root = secrets[1]!;
    expect(isCertValid(root, new Date('2025-01-01T00:00:00Z'))).toBe(true);
    expect(isCertValid(root, new Date('2023-05-05T03:41:33Z'))).toBe(false);
    expect(isCertValid(root, new Date('2034-01-01T00:00:00Z'))).toBe(false);
    expect(isCertValid(secrets[2]!, new Date('2025-01-01T00:00:00Z'))).toBe(false);
  });

  it('rows: type label, upper-case status, lower-case serial, RFC 3339 times, empty columns when warming', () => {
    const t = secretTable(listedSecrets(secrets), {
      includeConfigType: true,
      now: new Date('2025-01-01T00:00:00Z'),
    });
    expect(t.rows).toEqual([
      ['secret/configmap://x', '', 'WARMING', 'false', '', '', ''],
      [
        'secret/default',
        'Cert Chain',
        'ACTIVE',
        'false',
        '0193a5',
        '2023-05-16T01:32:52Z',
        '2023-05-05T03:41:33Z',
      ],
      [
        'secret/ROOTCA',
        'CA',
        'ACTIVE',
        'true',
        '0193a5',
        '2033-05-02T03:41:33Z',
        '2023-05-05T03:41:33Z',
      ],
    ]);
  });

  it('formats times like Go time.RFC3339 in UTC', () => {
    expect(formatRfc3339('2023-05-16T03:32:52+02:00')).toBe('2023-05-16T01:32:52Z');
    expect(formatRfc3339(undefined)).toBe('');
  });
});
