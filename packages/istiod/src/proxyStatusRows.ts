import type { ProxySyncStatus } from './model';

/** Column layout of the status table. */
export type ProxyStatusLayout =
  /** Today's istioctl: `NAME CLUSTER CDS LDS EDS RDS ECDS ISTIOD VERSION`. */
  | 'current'
  /** istioctl 1.1-1.4: `NAME CDS LDS EDS RDS PILOT VERSION` (no cluster, no ECDS). */
  | 'legacy';

/** A header and rows of cells, ready for a tabwriter. */
export interface ProxyStatusTable {
  header: string[];
  rows: string[][];
}

/** Options of `proxyStatusRows`. */
export interface ProxyStatusRowsOptions {
  layout?: ProxyStatusLayout;
  /** Keep only proxies whose id contains this text (istioctl's `proxy-status <pod>` rule). */
  proxy?: string;
}

const HEADERS: Record<ProxyStatusLayout, string[]> = {
  current: ['NAME', 'CLUSTER', 'CDS', 'LDS', 'EDS', 'RDS', 'ECDS', 'ISTIOD', 'VERSION'],
  legacy: ['NAME', 'CDS', 'LDS', 'EDS', 'RDS', 'PILOT', 'VERSION'],
};

/**
 * The version istioctl prints: the Istio version, or else the proxy version with a `*` marking
 * that it is only the fallback (a 1.1 pilot did not report Istio versions).
 */
export function displayVersion(status: ProxySyncStatus): string {
  return status.istioVersion ?? `${status.proxyVersion ?? ''}*`;
}

/**
 * The rows of `istioctl proxy-status`, sorted as istioctl sorts them (by proxy id; the current
 * layout groups by cluster first). Statuses from several istiod instances are merged; each row's
 * ISTIOD/PILOT cell names the instance it came from.
 */
export function proxyStatusRows(
  statuses: readonly ProxySyncStatus[],
  options: ProxyStatusRowsOptions = {},
): ProxyStatusTable {
  const layout = options.layout ?? 'current';
  const filter = options.proxy;
  const selected = statuses.filter((s) => filter === undefined || s.proxyId.includes(filter));
  // Byte order like Go's `<` on strings (ids are ASCII), not locale order.
  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  const sorted = [...selected].sort((a, b) =>
    layout === 'current'
      ? cmp(a.clusterId ?? '', b.clusterId ?? '') || cmp(a.proxyId, b.proxyId)
      : cmp(a.proxyId, b.proxyId),
  );
  const rows = sorted.map((s) =>
    layout === 'current'
      ? [
          s.proxyId,
          s.clusterId ?? '',
          s.states.CDS,
          s.states.LDS,
          s.states.EDS,
          s.states.RDS,
          s.states.ECDS,
          s.istiod ?? '',
          displayVersion(s),
        ]
      : [
          s.proxyId,
          s.states.CDS,
          s.states.LDS,
          s.states.EDS,
          s.states.RDS,
          s.istiod ?? '',
          displayVersion(s),
        ],
  );
  return { header: [...HEADERS[layout]], rows };
}
