import { describe, expect, it } from 'vitest';
import { emptyDump } from '../testing/emptyDump';
import { secretRows } from './secretRows';

describe('secretRows', () => {
  it('makes one row per certificate and decides VALID CERT from the validity window', () => {
    const dump = emptyDump();
    dump.secrets = [
      {
        name: 'default',
        state: 'active',
        kind: 'cert_chain',
        raw: {},
        certificates: [
          {
            serialNumber: '6fbe',
            notBefore: '2023-05-15T01:30:52Z',
            notAfter: '2023-05-16T01:32:52Z',
            subjectAltNames: [],
          },
        ],
      },
      {
        name: 'ROOTCA',
        state: 'warming',
        kind: 'ca',
        raw: {},
        certificates: [
          {
            serialNumber: '0193',
            notBefore: '2023-05-05T03:41:33Z',
            notAfter: '2033-05-02T03:41:33Z',
            subjectAltNames: [],
          },
        ],
      },
      { name: 'empty', state: 'active', kind: 'unknown', raw: {}, certificates: [] },
    ];
    const now = Date.parse('2024-01-01T00:00:00Z');
    expect(
      secretRows(dump, now).map((r) => [
        r.name,
        r.type,
        r.status,
        r.validCert,
        r.serialNumber,
        r.nodeId,
      ]),
    ).toEqual([
      ['default', 'Cert Chain', 'ACTIVE', 'false', '6fbe', 'secret:default'],
      ['ROOTCA', 'CA', 'WARMING', 'true', '0193', 'secret:ROOTCA'],
      ['empty', '', 'ACTIVE', 'false', '', 'secret:empty'],
    ]);
  });
});
