import type { Secret } from '@meshlens/configdump';
import { formatRfc3339 } from './formatRfc3339';

/** A row of the `proxy-config secret` table: one per secret, describing its first certificate. */
export interface SecretRow {
  /** RESOURCE NAME: the SDS secret name. */
  name: string;
  /** TYPE: `Cert Chain`, `CA` or '' (istioctl names no other kind). */
  type: string;
  /** STATUS: `ACTIVE` or `WARMING`. */
  status: string;
  /** VALID CERT: `true` when now is strictly inside the first certificate's validity window. */
  validCert: string;
  /** SERIAL NUMBER: lower-case hex. */
  serialNumber: string;
  /** NOT AFTER, RFC 3339 in UTC. */
  notAfter: string;
  /** NOT BEFORE, RFC 3339 in UTC. */
  notBefore: string;
}

const TYPE_LABEL: Partial<Record<Secret['kind'], string>> = { cert_chain: 'Cert Chain', ca: 'CA' };

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

/** The row of one secret. A warming secret has no certificate yet: its columns are empty. */
export function secretRow(secret: Secret, now: Date): SecretRow {
  const cert = secret.certificates[0];
  return {
    name: secret.name,
    type: TYPE_LABEL[secret.kind] ?? '',
    status: secret.state.toUpperCase(),
    validCert: String(isCertValid(secret, now)),
    serialNumber: (cert?.serialNumber ?? '').toLowerCase(),
    notAfter: formatRfc3339(cert?.notAfter),
    notBefore: formatRfc3339(cert?.notBefore),
  };
}
