import type { ConfigDump, Secret } from '@meshlens/configdump';
import { nodeIdFor } from '@meshlens/proxy-graph';

/** One row of the secret table, as `istioctl proxy-config secret`: one per secret. */
export interface SecretRow {
  name: string;
  type: string;
  status: string;
  /** `true` when now is inside the certificate's validity window. */
  validCert: string;
  serialNumber: string;
  notAfter: string;
  notBefore: string;
  nodeId: string;
}

const typeText: Record<Secret['kind'], string> = {
  cert_chain: 'Cert Chain',
  ca: 'CA',
  generic: 'Generic',
  session_ticket: 'Session Ticket',
  unknown: '',
};

/** Rows of the secret table; `now` decides VALID CERT. */
export function secretRows(dump: ConfigDump, now: number = Date.now()): SecretRow[] {
  const rows: SecretRow[] = [];
  for (const s of dump.secrets) {
    const base = {
      name: s.name,
      type: typeText[s.kind],
      status: s.state.toUpperCase(),
      nodeId: nodeIdFor({ kind: 'secret', name: s.name }),
    };
    // istioctl describes the first certificate: the leaf of a chain, or the CA itself.
    const c = s.certificates[0];
    if (c === undefined) {
      rows.push({ ...base, validCert: 'false', serialNumber: '', notAfter: '', notBefore: '' });
      continue;
    }
    const from = c.notBefore ? Date.parse(c.notBefore) : Number.NaN;
    const to = c.notAfter ? Date.parse(c.notAfter) : Number.NaN;
    rows.push({
      ...base,
      validCert: String(from <= now && now <= to),
      serialNumber: c.serialNumber ?? '',
      notAfter: c.notAfter ?? '',
      notBefore: c.notBefore ?? '',
    });
  }
  return rows;
}
