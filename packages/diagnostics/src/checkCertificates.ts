import type { ConfigDump } from '@meshlens/configdump';
import type { Diagnostic } from './diagnostic';

const DAY = 24 * 3600 * 1000;

/**
 * Certificates in SDS secrets that have expired or expire within `warningDays`. Short-lived
 * certificates (Istio workload certificates live 24 hours and are rotated at half-life) are only
 * reported when less than half of their lifetime is left, i.e. when rotation is overdue.
 */
export function checkCertificates(dump: ConfigDump, now: Date, warningDays: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const s of dump.secrets) {
    for (const cert of s.certificates) {
      if (cert.notAfter === undefined) continue;
      const end = Date.parse(cert.notAfter);
      if (Number.isNaN(end)) continue;
      const subject = cert.subjectAltNames[0] ?? cert.subject ?? cert.serialNumber ?? 'certificate';
      const left = (end - now.getTime()) / DAY;
      const start = cert.notBefore === undefined ? Number.NaN : Date.parse(cert.notBefore);
      const lifetime = (end - start) / DAY;
      const shortLived = Number.isFinite(lifetime) && lifetime > 0 && lifetime <= warningDays;
      const threshold = shortLived ? lifetime / 2 : warningDays;
      if (left < 0) {
        out.push({
          code: 'certificate_expired',
          severity: 'error',
          message: `secret ${s.name}: ${subject} expired on ${cert.notAfter} (${Math.ceil(-left)} day(s) ago); TLS handshakes using it fail`,
          ref: { kind: 'secret', name: s.name },
        });
      } else if (left < threshold) {
        const when =
          left < 1 ? `in ${Math.floor(left * 24)} hour(s)` : `in ${Math.floor(left)} day(s)`;
        const why = shortLived
          ? `; it lives ${Math.round(lifetime * 24)} hours and should have been rotated at half-life`
          : '';
        out.push({
          code: 'certificate_expiring',
          severity: 'warning',
          message: `secret ${s.name}: ${subject} expires on ${cert.notAfter} (${when})${why}`,
          ref: { kind: 'secret', name: s.name },
        });
      }
    }
  }
  return out;
}
