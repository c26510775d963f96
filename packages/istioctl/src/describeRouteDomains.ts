/**
 * The DOMAINS column: the single domain, or the shortest domain not starting with a digit 1-9
 * followed by `+ N more...`, as istioctl abbreviates long Istio domain lists.
 */
export function describeRouteDomains(domains: readonly string[]): string {
  if (domains.length === 0) return '';
  if (domains.length === 1) return domains[0] ?? '';
  let candidate = '';
  for (const d of domains) {
    if (d === '') continue;
    const first = d[0] ?? '';
    if ((first < '1' || first > '9') && (candidate === '' || candidate.length > d.length))
      candidate = d;
  }
  return `${candidate} + ${domains.length - 1} more...`;
}
