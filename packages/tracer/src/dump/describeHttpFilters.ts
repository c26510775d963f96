import type { NetworkFilter } from '@meshlens/configdump';

// HTTP filters that can answer a request themselves (deny, challenge, abort) before the router.
// Keyed by short name: current (`envoy.filters.http.rbac`) and legacy (`envoy.rbac`) names alike.
const MAY_SHORT_CIRCUIT: Record<string, string> = {
  rbac: 'may deny (403)',
  ext_authz: 'may deny (403/401) after an external check',
  jwt_authn: 'may reject (401) on a bad token',
  fault: 'may abort or delay when a route configures fault injection',
  lua: 'may answer or change headers (and re-route)',
  ext_proc: 'may answer or change headers (and re-route)',
  local_ratelimit: 'may answer 429',
  ratelimit: 'may answer 429',
  rate_limit: 'may answer 429',
  cors: 'answers CORS preflight requests itself',
};

function shortName(name: string): string {
  return name.replace(/^envoy\.filters\.http\./, '').replace(/^envoy\./, '');
}

/** One sentence per HTTP filter worth knowing about; the router decision comes last. */
export function describeHttpFilters(
  hcm: Extract<NetworkFilter, { kind: 'http_connection_manager' }>,
): string[] {
  const names = hcm.httpFilters.map((f) => f.name);
  const out: string[] = [];
  if (names.length > 0) out.push(`HTTP filters, in order: ${names.join(', ')}.`);
  for (const f of hcm.httpFilters) {
    const note = MAY_SHORT_CIRCUIT[shortName(f.name)];
    if (note) out.push(`${f.name} ${note}; the trace follows the router's decision.`);
  }
  return out;
}
