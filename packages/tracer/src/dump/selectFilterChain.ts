import type { CidrRange, FilterChain, Listener } from '@meshlens/configdump';
import type { EffectiveConnection } from './connection';
import { cidrContains, formatCidr, parseIp } from './ipAddress';

/** One level of Envoy's filter-chain decision tree and what it kept. */
export interface ChainLevel {
  field: string;
  kept: string[];
  dropped: { chain: string; reason: string }[];
}

/** Result of filter-chain selection (§4.1). */
export interface FilterChainSelection {
  chain?: FilterChain;
  /** `match` (the tree found a chain), `default` (fell back to `default_filter_chain`), `none` (closed). */
  via: 'match' | 'default' | 'none' | 'matcher';
  levels: ChainLevel[];
  explanation: string[];
}

type Level = (
  chains: FilterChain[],
  conn: EffectiveConnection,
) => { kept: FilterChain[]; why: string; dropReason: (c: FilterChain) => string };

// Longest-prefix selection over CIDR lists, empty list = catch-all (`0.0.0.0/0` and `::/0`).
function longestPrefix(
  chains: FilterChain[],
  ranges: (c: FilterChain) => CidrRange[],
  ip: string | undefined,
  label: string,
): ReturnType<Level> {
  const parsed = ip === undefined ? undefined : parseIp(ip);
  const best = new Map<FilterChain, number>();
  for (const c of chains) {
    const rs = ranges(c);
    if (rs.length === 0) best.set(c, 0);
    else if (parsed) {
      let len = -1;
      for (const r of rs) if (cidrContains(r, parsed) && r.prefixLen > len) len = r.prefixLen;
      if (len >= 0) best.set(c, len);
    }
  }
  const max = Math.max(-1, ...best.values());
  const kept = chains.filter((c) => best.get(c) === max);
  const unknown = ip === undefined ? ` (${label} unknown: only catch-all ranges can match)` : '';
  return {
    kept,
    why:
      kept.length === 0
        ? `no ${label} range contains ${ip ?? 'the address'}${unknown}`
        : max <= 0
          ? `catch-all ${label} (no more specific range contains ${ip ?? 'the address'})${unknown}`
          : `${label} ${ip ?? ''} is in a /${max} range, the longest match`,
    dropReason: (c) =>
      best.has(c)
        ? `its ${label} range (/${best.get(c)}) is less specific than /${max}`
        : `${label} ${ip ?? '(unknown)'} is not in ${ranges(c).map(formatCidr).join(', ')}`,
  };
}

function serverNameMatches(names: string[], sni: string): boolean {
  return sni !== '' && names.some((n) => n.toLowerCase() === sni);
}

const LEVELS: [string, Level][] = [
  [
    'destination_port',
    (chains, conn) => {
      const exact = chains.filter((c) => c.match.destinationPort === conn.localPort);
      if (exact.length > 0)
        return {
          kept: exact,
          why: `chains for destination port ${conn.localPort} exist; Envoy never falls back to port-less chains`,
          dropReason: (c) =>
            c.match.destinationPort === undefined
              ? `it has no destination_port and port ${conn.localPort} has its own chains`
              : `destination_port ${c.match.destinationPort}`,
        };
      const none = chains.filter((c) => c.match.destinationPort === undefined);
      return {
        kept: none,
        why: `no chain is specific to port ${conn.localPort}: chains without destination_port`,
        dropReason: (c) => `destination_port ${c.match.destinationPort ?? ''} != ${conn.localPort}`,
      };
    },
  ],
  [
    'prefix_ranges',
    (chains, conn) =>
      longestPrefix(chains, (c) => c.match.prefixRanges, conn.localIp, 'destination IP'),
  ],
  [
    'server_names',
    (chains, conn) => {
      const sni = conn.serverName;
      const exact = chains.filter((c) => serverNameMatches(c.match.serverNames, sni));
      if (exact.length > 0)
        return {
          kept: exact,
          why: `SNI "${sni}" matches exactly`,
          dropReason: () => `its server_names do not contain "${sni}"`,
        };
      // Wildcards from the longest suffix: for a.b.c try .b.c, then .c.
      for (let i = sni.indexOf('.', 1); i > 0 && i < sni.length - 1; i = sni.indexOf('.', i + 1)) {
        const suffix = sni.slice(i);
        const kept = chains.filter((c) =>
          c.match.serverNames.some((n) => n.toLowerCase() === `*${suffix}`),
        );
        if (kept.length > 0)
          return {
            kept,
            why: `SNI "${sni}" matches wildcard "*${suffix}"`,
            dropReason: () => `no server name as specific as "*${suffix}"`,
          };
      }
      const empty = chains.filter((c) => c.match.serverNames.length === 0);
      return {
        kept: empty,
        why:
          sni === ''
            ? 'no SNI: chains without server_names'
            : `no server name matches "${sni}": chains without server_names`,
        dropReason: (c) => `server_names [${c.match.serverNames.join(', ')}] do not match "${sni}"`,
      };
    },
  ],
  [
    'transport_protocol',
    (chains, conn) => {
      const exact = chains.filter((c) => c.match.transportProtocol === conn.transportProtocol);
      if (exact.length > 0)
        return {
          kept: exact,
          why: `transport protocol "${conn.transportProtocol}" matches`,
          dropReason: (c) =>
            `transport_protocol "${c.match.transportProtocol ?? ''}" is less specific`,
        };
      const none = chains.filter((c) => (c.match.transportProtocol ?? '') === '');
      return {
        kept: none,
        why: `no chain requires "${conn.transportProtocol}": chains without transport_protocol`,
        dropReason: (c) =>
          `transport_protocol "${c.match.transportProtocol ?? ''}" != "${conn.transportProtocol}"`,
      };
    },
  ],
  [
    'application_protocols',
    (chains, conn) => {
      for (const p of conn.applicationProtocols) {
        const kept = chains.filter((c) => c.match.applicationProtocols.includes(p));
        if (kept.length > 0)
          return {
            kept,
            why: `application protocol "${p}" (first offered one with chains)`,
            dropReason: (c) =>
              `application_protocols [${c.match.applicationProtocols.join(', ')}] do not include "${p}"`,
          };
      }
      const none = chains.filter((c) => c.match.applicationProtocols.length === 0);
      return {
        kept: none,
        why: `none of [${conn.applicationProtocols.join(', ')}] is required by a chain: chains without application_protocols`,
        dropReason: (c) =>
          `application_protocols [${c.match.applicationProtocols.join(', ')}] do not match [${conn.applicationProtocols.join(', ')}]`,
      };
    },
  ],
  [
    'direct_source_prefix_ranges',
    (chains, conn) =>
      longestPrefix(
        chains,
        (c) => c.match.directSourcePrefixRanges,
        conn.srcIp,
        'direct source IP',
      ),
  ],
  [
    'source_type',
    (chains, conn) => {
      const want = conn.isLocal ? 'SAME_IP_OR_LOOPBACK' : 'EXTERNAL';
      const specific = chains.filter((c) => c.match.sourceType === want);
      if (specific.length > 0)
        return {
          kept: specific,
          why: `source type ${want}`,
          dropReason: (c) => `source_type ${c.match.sourceType}`,
        };
      const any = chains.filter((c) => c.match.sourceType === 'ANY');
      return {
        kept: any,
        why: `no ${want} chain: source_type ANY`,
        dropReason: (c) =>
          `source_type ${c.match.sourceType} does not fit a ${conn.isLocal ? 'local' : 'remote'} peer`,
      };
    },
  ],
  [
    'source_prefix_ranges',
    (chains, conn) =>
      longestPrefix(chains, (c) => c.match.sourcePrefixRanges, conn.srcIp, 'source IP'),
  ],
  [
    'source_ports',
    (chains, conn) => {
      const exact =
        conn.srcPort === undefined
          ? []
          : chains.filter((c) => c.match.sourcePorts.includes(conn.srcPort ?? -1));
      if (exact.length > 0)
        return {
          kept: exact,
          why: `source port ${conn.srcPort ?? ''} matches`,
          dropReason: () => `source_ports do not include ${conn.srcPort ?? ''}`,
        };
      const none = chains.filter((c) => c.match.sourcePorts.length === 0);
      return {
        kept: none,
        why: 'chains without source_ports',
        dropReason: (c) =>
          `source_ports [${c.match.sourcePorts.join(', ')}] do not include ${conn.srcPort ?? '(unknown)'}`,
      };
    },
  ],
];

/** ` (match: destination_port 9080, transport tls)`, or '' for a match-all chain. */
export function describeChainMatch(c: FilterChain): string {
  const m = c.match;
  const parts: string[] = [];
  if (m.destinationPort !== undefined) parts.push(`destination_port ${m.destinationPort}`);
  if (m.prefixRanges.length > 0)
    parts.push(`prefix_ranges ${m.prefixRanges.map(formatCidr).join(',')}`);
  if (m.serverNames.length > 0) parts.push(`server_names ${m.serverNames.join(',')}`);
  if (m.transportProtocol !== undefined) parts.push(`transport ${m.transportProtocol}`);
  if (m.applicationProtocols.length > 0) parts.push(`ALPN ${m.applicationProtocols.join(',')}`);
  if (m.sourceType !== 'ANY') parts.push(`source_type ${m.sourceType}`);
  if (m.sourcePrefixRanges.length > 0)
    parts.push(`source ${m.sourcePrefixRanges.map(formatCidr).join(',')}`);
  return parts.length > 0 ? ` (match: ${parts.join('; ')})` : ' (matches everything)';
}

/**
 * Envoy's filter-chain selection for classic `filter_chain_match`: a greedy descent over nine
 * levels keeping only the most specific matching value at each, never backtracking; failure
 * anywhere means `default_filter_chain` or a closed connection.
 */
export function selectFilterChain(l: Listener, conn: EffectiveConnection): FilterChainSelection {
  const levels: ChainLevel[] = [];
  const explanation: string[] = [];
  let chains = l.filterChains;
  for (const [field, level] of LEVELS) {
    if (chains.length === 0) break;
    const r = level(chains, conn);
    const keptSet = new Set(r.kept);
    const dropped = chains
      .filter((c) => !keptSet.has(c))
      .map((c) => ({ chain: c.name, reason: r.dropReason(c) }));
    levels.push({ field, kept: r.kept.map((c) => c.name), dropped });
    // Only levels that decided something are worth a sentence.
    if (dropped.length > 0 || r.kept.length === 0) {
      explanation.push(
        `${field}: ${r.why}; ${r.kept.length > 0 ? `keeps ${r.kept.map((c) => `"${c.name}"`).join(', ')}` : 'no chain left'}${dropped.length > 0 ? `; drops ${dropped.map((d) => `"${d.chain}" (${d.reason})`).join(', ')}` : ''}.`,
      );
    }
    chains = r.kept;
  }
  const chain = chains[0];
  if (chain) {
    if (chains.length > 1)
      explanation.push(
        `Several chains are left (${chains.map((c) => c.name).join(', ')}): Envoy would have rejected this listener for overlapping matches; taking the first.`,
      );
    if (levels.every((lv) => lv.dropped.length === 0))
      explanation.push(`The listener's only candidate chain fits at every level.`);
    explanation.push(`Filter chain "${chain.name}" is selected${describeChainMatch(chain)}.`);
    return { chain, via: 'match', levels, explanation };
  }
  if (l.defaultFilterChain) {
    explanation.push(
      `No filter chain matches: the listener's default_filter_chain "${l.defaultFilterChain.name}" handles the connection.`,
    );
    return { chain: l.defaultFilterChain, via: 'default', levels, explanation };
  }
  explanation.push(
    'No filter chain matches and there is no default_filter_chain: Envoy closes the connection (NR, no_filter_chain_match).',
  );
  return { via: 'none', levels, explanation };
}
