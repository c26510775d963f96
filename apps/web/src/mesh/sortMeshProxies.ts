import type { MeshProxyDumpSummary, MeshProxyInfo, MeshScanProxyResult } from '@meshlens/contract';

/** Summary columns of the proxy list, filled by a mesh-wide scan. */
export type MeshSummaryColumn = keyof Pick<
  MeshProxyDumpSummary,
  | 'listeners'
  | 'routes'
  | 'clusters'
  | 'endpoints'
  | 'secrets'
  | 'dumpBytes'
  | 'fetchMs'
  | 'errors'
  | 'warnings'
>;

/** Every sortable column of the proxy list. */
export type MeshSortColumn = 'name' | 'namespace' | 'type' | 'istio' | MeshSummaryColumn;

/** The proxy list's sort: a column and a direction. */
export interface MeshSort {
  column: MeshSortColumn;
  desc: boolean;
}

type Results = ReadonlyMap<string, MeshScanProxyResult>;

function valueOf(
  p: MeshProxyInfo,
  column: MeshSortColumn,
  results: Results,
): string | number | undefined {
  switch (column) {
    case 'name':
      return p.name;
    case 'namespace':
      return p.namespace;
    case 'type':
      return p.type;
    case 'istio':
      return p.istioVersion;
    default:
      return results.get(p.id)?.summary?.[column];
  }
}

/**
 * The proxies ordered by a column (stable: ties keep the list order). Proxies without a value
 * (not scanned yet, or their scan failed) go last in both directions, so sorting by clusters
 * never buries the numbers under empty rows.
 */
export function sortMeshProxies(
  proxies: readonly MeshProxyInfo[],
  results: Results,
  sort: MeshSort | undefined,
): readonly MeshProxyInfo[] {
  if (!sort) return proxies;
  const keyed = proxies.map((p, i) => ({ p, i, v: valueOf(p, sort.column, results) }));
  const dir = sort.desc ? -1 : 1;
  keyed.sort((a, b) => {
    if (a.v === undefined || b.v === undefined) {
      if (a.v === b.v) return a.i - b.i;
      return a.v === undefined ? 1 : -1;
    }
    const c =
      typeof a.v === 'number' && typeof b.v === 'number'
        ? a.v - b.v
        : String(a.v).localeCompare(String(b.v), undefined, { numeric: true });
    return c !== 0 ? c * dir : a.i - b.i;
  });
  return keyed.map((k) => k.p);
}
