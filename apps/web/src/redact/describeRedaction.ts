import type { RedactionReport } from '@meshlens/redact';

/** One line telling what a redaction replaced, from the report's counts (zero counts omitted). */
export function describeRedaction(report: RedactionReport): string {
  const c = report.counts;
  const parts = [
    [c.ip, 'IP address'],
    [c.hostname, 'hostname'],
    [c.namespace, 'namespace'],
    [c.certificate, 'certificate'],
    [c.private_key, 'private key'],
    [c.token, 'token'],
  ] as const;
  const said = parts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}${n === 1 ? '' : 's'}`);
  const distinct = Object.keys(report.mapping.ip).length;
  const head = said.length > 0 ? `Replaced ${said.join(', ')}` : 'Nothing needed replacing';
  return `${head}${distinct > 0 ? ` (${distinct} distinct IPs)` : ''}.`;
}
