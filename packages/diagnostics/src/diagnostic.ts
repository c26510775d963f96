import type { ObjectRef } from '@meshlens/configdump';

/** What a finding is about. */
export type DiagnosticCode =
  /** A name used but not defined (route -> cluster, listener -> RDS, cluster -> EDS/SDS...). */
  | 'dangling_reference'
  /** A route that can never match: an earlier route of the same virtual host matches all it does. */
  | 'shadowed_route'
  /** The same domain in two virtual hosts of one route configuration (Envoy rejects it). */
  | 'duplicate_domain'
  /** A cluster whose endpoint list is empty. */
  | 'no_endpoints'
  /** A cluster whose endpoints are all unhealthy / draining. */
  | 'no_healthy_endpoints'
  /** A listener, route configuration or cluster that is warming, draining or rejected. */
  | 'resource_not_active'
  | 'certificate_expired'
  | 'certificate_expiring'
  /** Traffic deliberately dropped: a route or TCP proxy to `BlackHoleCluster`. */
  | 'blackhole_traffic';

/** One finding of `meshlens check`. */
export interface Diagnostic {
  code: DiagnosticCode;
  severity: 'error' | 'warning' | 'info';
  /** One line a person can act on. */
  message: string;
  /** The object the finding is about. */
  ref: ObjectRef;
}

/** Options of `diagnose`. */
export interface DiagnoseOptions {
  /** "Now" for certificate checks (default: the current time; pass one for reproducible output). */
  now?: Date;
  /** Certificates expiring within this many days are reported (default 30). */
  expiryWarningDays?: number;
}

/** `route 9080 / reviews:9080 #1`-style text for an object reference. */
export function formatRef(ref: ObjectRef): string {
  switch (ref.kind) {
    case 'listener':
      return `listener ${ref.name}`;
    case 'filter_chain':
      return `listener ${ref.listener} chain ${ref.index < 0 ? 'default' : `#${ref.index}`}`;
    case 'route_config':
      return `route config ${ref.name}`;
    case 'virtual_host':
      return `virtual host ${ref.routeConfig} / ${ref.name}`;
    case 'route':
      return `route ${ref.routeConfig} / ${ref.virtualHost} #${ref.index}`;
    case 'cluster':
      return `cluster ${ref.name}`;
    case 'endpoints':
      return `endpoints of ${ref.cluster}`;
    case 'secret':
      return `secret ${ref.name}`;
    case 'extension_config':
      return `extension config ${ref.name}`;
  }
}
