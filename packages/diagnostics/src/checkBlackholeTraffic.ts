import type { ConfigDump } from '@meshlens/configdump';
import { allRouteConfigs } from './checkDuplicateDomains';
import type { Diagnostic } from './diagnostic';

const BLACKHOLE = 'BlackHoleCluster';

/**
 * Routes and TCP proxies that send traffic to `BlackHoleCluster`. Istio's own guard chain for the
 * 15001 loop (`virtualOutbound-blackhole`) is expected and skipped; the outbound catch-all going
 * to the blackhole means the mesh runs with `outboundTrafficPolicy: REGISTRY_ONLY`.
 */
export function checkBlackholeTraffic(dump: ConfigDump): Diagnostic[] {
  const out: Diagnostic[] = [];
  const nodeIp = dump.node?.ip;
  for (const l of dump.listeners) {
    if (l.state !== 'active' && l.state !== 'static') continue;
    for (const c of [...l.filterChains, ...(l.defaultFilterChain ? [l.defaultFilterChain] : [])]) {
      const loopGuard =
        c.name === 'virtualOutbound-blackhole' ||
        c.match.destinationPort === 15001 ||
        c.match.destinationPort === 15006;
      // Istio (1.3-era) guards against the pod calling itself through the sidecar: a chain for the
      // pod's own IP (/32, /128) that drops the connection.
      const hostRoutes =
        c.match.prefixRanges.length > 0 &&
        c.match.prefixRanges.every((r) => r.prefixLen === 32 || r.prefixLen === 128);
      const selfGuard =
        hostRoutes &&
        (nodeIp === undefined || c.match.prefixRanges.some((r) => r.addressPrefix === nodeIp));
      for (const f of c.filters) {
        if (
          f.kind !== 'tcp_proxy' ||
          (f.cluster !== BLACKHOLE && !f.weightedClusters.some((w) => w.name === BLACKHOLE))
        )
          continue;
        if (loopGuard || selfGuard) continue;
        const catchAll =
          c.name.includes('catchall') || c.name === 'PassthroughFilterChain' || c.isDefault;
        out.push({
          code: 'blackhole_traffic',
          severity: catchAll ? 'info' : 'warning',
          message: catchAll
            ? `listener ${l.name} chain "${c.name}" drops unknown destinations (BlackHoleCluster): outbound traffic policy REGISTRY_ONLY`
            : `listener ${l.name} chain "${c.name}" sends TCP traffic to BlackHoleCluster (dropped)`,
          ref: { kind: 'filter_chain', listener: l.name, index: c.index },
        });
      }
    }
  }
  for (const rc of allRouteConfigs(dump)) {
    for (const vh of rc.virtualHosts) {
      for (const r of vh.routes) {
        const a = r.action;
        const hits =
          a.kind === 'cluster'
            ? a.cluster === BLACKHOLE
            : a.kind === 'weighted_clusters' &&
              a.clusters.some((w) => w.name === BLACKHOLE && w.weight > 0);
        if (hits)
          out.push({
            code: 'blackhole_traffic',
            severity: 'warning',
            message: `route #${r.index}${r.name ? ` "${r.name}"` : ''} in ${rc.name} / ${vh.name} sends requests to BlackHoleCluster (503)`,
            ref: { kind: 'route', routeConfig: rc.name, virtualHost: vh.name, index: r.index },
          });
      }
    }
  }
  return out;
}
