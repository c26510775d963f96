import type { RedactionReport } from '@meshlens/redact';

/** One line telling what a redaction replaced, from the report's counts (zero counts omitted). */
export function describeRedaction(report: RedactionReport): string {
  const c = report.counts;
  const parts = [
    [c.ip, 'IP address', 'IP addresses'],
    [c.hostname, 'hostname', 'hostnames'],
    [c.namespace, 'namespace', 'namespaces'],
    [c.certificate, 'certificate', 'certificates'],
    [c.private_key, 'private key', 'private keys'],
    [c.token, 'token', 'tokens'],
  ] as const;
  const said = parts.filter(([n]) => n > 0).map(([n, one, many]) => `${n} ${n === 1 ? one : many}`);
  const distinct = Object.keys(report.mapping.ip).length;
  const head = said.length > 0 ? `Replaced ${said.join(', ')}` : 'Nothing needed replacing';
  return `${head}${distinct > 0 ? ` (${distinct} distinct IPs)` : ''}.`;
}
