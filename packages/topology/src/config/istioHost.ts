/** Istio's `ResolveShortnameToFQDN`: a name without dots is relative to the object's namespace. */
export function resolveHost(
  host: string,
  namespace: string,
  domainSuffix = 'cluster.local',
): string {
  if (host === '*' || host.includes('.')) return host;
  return `${host}.${namespace}.svc.${domainSuffix}`;
}

/** True when `pattern` (exact host or `*.suffix` / `*`) covers `host`. */
export function hostMatches(pattern: string, host: string): boolean {
  if (pattern === '*') return true;
  if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1)) || host === pattern;
  return pattern === host;
}

/**
 * Sidecar egress `namespace/host` (`./host` = the Sidecar's namespace, `*` = any namespace,
 * `~` = none) against a service in `serviceNamespace`.
 */
export function egressHostAllows(
  spec: string,
  sidecarNamespace: string,
  host: string,
  serviceNamespace: string,
): boolean {
  const slash = spec.indexOf('/');
  const ns = slash < 0 ? '*' : spec.slice(0, slash);
  const pattern = slash < 0 ? spec : spec.slice(slash + 1);
  if (ns === '~') return false;
  const nsOk = ns === '*' || (ns === '.' ? sidecarNamespace : ns) === serviceNamespace;
  return nsOk && hostMatches(pattern, host);
}

/** True when every selector label is present with the same value. */
export function labelsMatch(
  selector: Readonly<Record<string, string>>,
  labels: Readonly<Record<string, string>>,
): boolean {
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}
