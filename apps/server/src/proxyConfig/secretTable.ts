import type { Secret } from '@meshlens/configdump';
import { WIDE_LAYOUT, type Table } from './table';

const TYPE_LABEL: Partial<Record<Secret['kind'], string>> = { cert_chain: 'Cert Chain', ca: 'CA' };

/** Go's `time.Format(time.RFC3339)` of a UTC instant: no fractional seconds, `Z` suffix. */
export function formatRfc3339(text: string | undefined): string {
  if (text === undefined || text === '') return '';
  const t = new Date(text);
  if (Number.isNaN(t.getTime())) return text;
  return t.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * VALID CERT: the first certificate of the secret is inside its validity window at `now`
 * (strictly, as Go's `After`/`Before`). False when the secret has no readable certificate.
 */
export function isCertValid(secret: Secret, now: Date): boolean {
  const cert = secret.certificates[0];
  if (!cert?.notBefore || !cert.notAfter) return false;
  const t = now.getTime();
  return t > new Date(cert.notBefore).getTime() && t < new Date(cert.notAfter).getTime();
}

/** Warming secrets first, then active ones, as istioctl lists them (static secrets are not shown). */
export function listedSecrets(secrets: readonly Secret[]): Secret[] {
  return [
    ...secrets.filter((s) => s.state === 'warming'),
    ...secrets.filter((s) => s.state === 'active'),
  ];
}

/** The `proxy-config secret` table. A warming secret has no certificate yet: its columns are empty. */
export function secretTable(
  secrets: readonly Secret[],
  options: { includeConfigType: boolean; now: Date },
): Table {
  const rows = secrets.map((s) => {
    const cert = s.certificates[0];
    return [
      options.includeConfigType ? `secret/${s.name}` : s.name,
      TYPE_LABEL[s.kind] ?? '',
      s.state.toUpperCase(),
      String(isCertValid(s, options.now)),
      (cert?.serialNumber ?? '').toLowerCase(),
      formatRfc3339(cert?.notAfter),
      formatRfc3339(cert?.notBefore),
    ];
  });
  return {
    header: [
      'RESOURCE NAME',
      'TYPE',
      'STATUS',
      'VALID CERT',
      'SERIAL NUMBER',
      'NOT AFTER',
      'NOT BEFORE',
    ],
    rows,
    layout: WIDE_LAYOUT,
  };
}
