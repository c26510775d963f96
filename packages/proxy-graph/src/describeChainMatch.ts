import type { CidrRange, FilterChain } from '@meshlens/configdump';

const cidr = (r: CidrRange): string => `${r.addressPrefix}/${r.prefixLen}`;

function listOf(values: string[], max = 2): string {
  return values.length <= max
    ? values.join(', ')
    : `${values.slice(0, max).join(', ')} +${values.length - max}`;
}

/** A one-line summary of what a filter chain matches, e.g. `port 9080 · tls · SNI a.example`. */
export function describeChainMatch(chain: FilterChain): string {
  const m = chain.match;
  const parts: string[] = [];
  if (chain.isDefault) parts.push('default');
  if (m.destinationPort !== undefined) parts.push(`port ${m.destinationPort}`);
  if (m.prefixRanges.length > 0) parts.push(`dst ${listOf(m.prefixRanges.map(cidr))}`);
  if (m.transportProtocol) parts.push(m.transportProtocol);
  if (m.applicationProtocols.length > 0) parts.push(listOf(m.applicationProtocols));
  if (m.serverNames.length > 0) parts.push(`SNI ${listOf(m.serverNames)}`);
  if (m.sourceType !== 'ANY') parts.push(m.sourceType.toLowerCase());
  if (m.sourcePrefixRanges.length > 0) parts.push(`src ${listOf(m.sourcePrefixRanges.map(cidr))}`);
  if (m.directSourcePrefixRanges.length > 0) {
    parts.push(`direct src ${listOf(m.directSourcePrefixRanges.map(cidr))}`);
  }
  if (m.sourcePorts.length > 0) parts.push(`src port ${listOf(m.sourcePorts.map(String))}`);
  return parts.length > 0 ? parts.join(' · ') : 'match any';
}
