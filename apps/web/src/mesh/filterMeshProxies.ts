import type { MeshProxyInfo, MeshScanProxyResult } from '@meshlens/contract';
import { type ProxyHealth, proxyHealth } from './proxyHealth';

function haystack(p: MeshProxyInfo, scan: MeshScanProxyResult | undefined): string {
  return [
    p.id,
    p.type,
    p.istioVersion,
    p.istiod,
    p.clusterId,
    proxyHealth(p),
    ...Object.values(p.sync ?? {}),
    p.error?.message,
    scan?.error ? `scan-failed ${scan.error.kind} ${scan.error.message}` : undefined,
    scan?.summary?.firstFinding,
  ]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
}

/**
 * The proxies matching a health and a free-text filter: every whitespace-separated word must
 * appear in the proxy's id, type, version, istiod, cluster, states or error, or in its scan result
 * (`scan-failed`, the scan error, the first finding), case-insensitive.
 */
export function filterMeshProxies(
  proxies: readonly MeshProxyInfo[],
  filter: string,
  health: ProxyHealth | 'all',
  scan: ReadonlyMap<string, MeshScanProxyResult> = new Map(),
): MeshProxyInfo[] {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  return proxies.filter((p) => {
    if (health !== 'all' && proxyHealth(p) !== health) return false;
    if (words.length === 0) return true;
    const text = haystack(p, scan.get(p.id));
    return words.every((w) => text.includes(w));
  });
}
