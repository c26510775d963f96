/** What `redactDump` replaces besides the always-redacted secrets, tokens and IP addresses. */
export interface RedactOptions {
  /** Also replace service / external hostnames (labels mapped one by one, `.svc.cluster.local` kept). */
  hostnames?: boolean;
  /** Also replace Kubernetes namespaces (in hostnames, node ids, Istio config paths, SPIFFE ids). */
  namespaces?: boolean;
}

/** The kinds of values that get replaced. */
export type RedactionKind =
  'ip' | 'hostname' | 'namespace' | 'certificate' | 'private_key' | 'token';

/**
 * What was replaced. `mapping` pairs original values with their placeholders for IPs, hostname
 * labels and namespaces (it reveals the originals: keep it private); secret material and tokens
 * are only counted, never recorded.
 */
export interface RedactionReport {
  /** Occurrences replaced, per kind. */
  counts: Record<RedactionKind, number>;
  /** Original -> placeholder, per kind (IPs, hostname labels, namespaces), in original order. */
  mapping: {
    ip: Record<string, string>;
    hostname: Record<string, string>;
    namespace: Record<string, string>;
  };
  /** Things a reader of the redacted dump should know (what could not be redacted, what was dropped). */
  notes: string[];
}
