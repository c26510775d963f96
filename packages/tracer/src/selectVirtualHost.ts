import type { RouteConfig, VirtualHost } from '@meshlens/configdump';

/** How the virtual host was chosen. */
export interface VirtualHostSelection {
  virtualHost: VirtualHost | undefined;
  /** The host string actually compared (lower-cased, port stripped when configured). */
  host: string | undefined;
  /** Which rule chose it. */
  rule: 'only_wildcard' | 'exact' | 'suffix_wildcard' | 'prefix_wildcard' | 'default' | 'none';
  /** The domain entry that matched. */
  domain?: string;
  explanation: string[];
}

/** Options for host handling that come from the HTTP connection manager or the route config. */
export interface HostMatchOptions {
  /** `RouteConfiguration.ignore_port_in_host_matching`, or HCM `strip_any_host_port`. */
  ignorePort?: boolean;
  /** HCM `strip_matching_host_port`: strip `:port` only when it equals this listener port. */
  stripMatchingPort?: number;
  /** HCM `strip_trailing_host_dot`. */
  stripTrailingDot?: boolean;
}

/**
 * Envoy's `HeaderUtility::getPortStart`: the port starts at the last `:` unless a `]` follows it
 * (`[::1]:80` -> `[::1]`; note that, like Envoy, an unbracketed `::1` loses its last group).
 */
export function splitHostPort(authority: string): { host: string; port?: string } {
  const colon = authority.lastIndexOf(':');
  if (colon < 0 || authority.lastIndexOf(']') > colon) return { host: authority };
  return { host: authority.slice(0, colon), port: authority.slice(colon + 1) };
}

interface Indexed {
  exact: Map<string, VirtualHost>;
  suffix: { stored: string; domain: string; vh: VirtualHost }[];
  prefix: { stored: string; domain: string; vh: VirtualHost }[];
  star?: VirtualHost;
  onlyStar: boolean;
}

const indexCache = new WeakMap<RouteConfig, Indexed>();

// Envoy's RouteMatcher indexes domains once: `*` alone is the default vhost; a leading `*` is a
// suffix wildcard, else a trailing `*` a prefix wildcard; anything else is exact (lower-cased).
function indexDomains(rc: RouteConfig): Indexed {
  let idx = indexCache.get(rc);
  if (idx) return idx;
  idx = { exact: new Map(), suffix: [], prefix: [], onlyStar: false };
  let domainCount = 0;
  for (const vh of rc.virtualHosts) {
    for (const raw of vh.domains) {
      domainCount++;
      const d = raw.toLowerCase();
      if (d === '*') {
        idx.star ??= vh;
      } else if (d.startsWith('*')) {
        idx.suffix.push({ stored: d.slice(1), domain: raw, vh });
      } else if (d.endsWith('*')) {
        idx.prefix.push({ stored: d.slice(0, -1), domain: raw, vh });
      } else if (!idx.exact.has(d)) {
        idx.exact.set(d, vh);
      }
    }
  }
  // Longest wildcard first; a stable sort keeps config order between equal lengths.
  idx.suffix.sort((a, b) => b.stored.length - a.stored.length);
  idx.prefix.sort((a, b) => b.stored.length - a.stored.length);
  idx.onlyStar = idx.star !== undefined && domainCount === 1;
  indexCache.set(rc, idx);
  return idx;
}

/** Envoy's `RouteMatcher::findVirtualHost`. */
export function selectVirtualHost(
  rc: RouteConfig,
  authority: string | undefined,
  options: HostMatchOptions = {},
): VirtualHostSelection {
  const idx = indexDomains(rc);
  const explanation: string[] = [];
  if (idx.onlyStar && idx.star) {
    explanation.push(
      `The route configuration has a single virtual host domain "*": Envoy uses "${idx.star.name}" without looking at the host.`,
    );
    return {
      virtualHost: idx.star,
      host: authority,
      rule: 'only_wildcard',
      domain: '*',
      explanation,
    };
  }
  if (authority === undefined || authority === '') {
    explanation.push(
      'The request has no :authority (Host) header, so no virtual host can match (404).',
    );
    return { virtualHost: undefined, host: undefined, rule: 'none', explanation };
  }
  let host = authority;
  const { host: bare, port } = splitHostPort(host);
  if (port !== undefined && options.ignorePort) {
    host = bare;
    explanation.push(
      `Port ":${port}" dropped from the host (ignore_port_in_host_matching / strip_any_host_port).`,
    );
  } else if (
    port !== undefined &&
    options.stripMatchingPort !== undefined &&
    String(options.stripMatchingPort) === port
  ) {
    host = bare;
    explanation.push(
      `Port ":${port}" dropped from the host because it equals the listener port (strip_matching_host_port).`,
    );
  } else if (port !== undefined) {
    explanation.push(
      `The host keeps its port ":${port}": ports take part in domain matching unless stripped.`,
    );
  }
  if (options.stripTrailingDot && host.endsWith('.')) host = host.slice(0, -1);
  host = host.toLowerCase();

  const exact = idx.exact.get(host);
  if (exact) {
    explanation.push(`Exact domain "${host}" of virtual host "${exact.name}" matches.`);
    return { virtualHost: exact, host, rule: 'exact', domain: host, explanation };
  }
  explanation.push(`No virtual host lists "${host}" exactly.`);
  for (const s of idx.suffix) {
    // The `*` must stand for at least one character.
    if (s.stored.length < host.length && host.endsWith(s.stored)) {
      explanation.push(
        `Suffix wildcard "${s.domain}" of virtual host "${s.vh.name}" is the longest wildcard that matches.`,
      );
      return { virtualHost: s.vh, host, rule: 'suffix_wildcard', domain: s.domain, explanation };
    }
  }
  if (idx.suffix.length > 0)
    explanation.push(`No suffix wildcard (${idx.suffix.map((s) => s.domain).join(', ')}) matches.`);
  for (const p of idx.prefix) {
    if (p.stored.length < host.length && host.startsWith(p.stored)) {
      explanation.push(
        `Prefix wildcard "${p.domain}" of virtual host "${p.vh.name}" is the longest prefix wildcard that matches.`,
      );
      return { virtualHost: p.vh, host, rule: 'prefix_wildcard', domain: p.domain, explanation };
    }
  }
  if (idx.prefix.length > 0)
    explanation.push(`No prefix wildcard (${idx.prefix.map((p) => p.domain).join(', ')}) matches.`);
  if (idx.star) {
    explanation.push(`Falling back to the default virtual host "${idx.star.name}" (domain "*").`);
    return { virtualHost: idx.star, host, rule: 'default', domain: '*', explanation };
  }
  explanation.push('No default "*" virtual host: the request gets 404 (NR).');
  return { virtualHost: undefined, host, rule: 'none', explanation };
}
