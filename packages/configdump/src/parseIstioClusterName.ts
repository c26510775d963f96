import type { IstioClusterName } from './model';

const DIRECTIONS = new Set(['inbound', 'outbound', 'inbound-vip', 'outbound-vip']);

/**
 * Decodes Istio's cluster naming, `direction|port|subset|host`:
 * `outbound|9080|v1|reviews.default.svc.cluster.local`, `inbound|9080||` (modern inbound, no host),
 * `inbound|9080|http|productpage.default.svc.cluster.local` (Istio <= 1.5 put the port name where
 * the subset goes), `inbound-vip|8000|http|httpbin.default.svc.cluster.local` (ambient waypoints).
 * Returns undefined for names without that shape (`BlackHoleCluster`, `prometheus_stats`...).
 */
export function parseIstioClusterName(name: string): IstioClusterName | undefined {
  // Cheap rejection first: most non-Istio names have no '|' at all.
  if (name.indexOf('|') < 0) return undefined;
  const parts = name.split('|');
  if (parts.length !== 4 && parts.length !== 3) return undefined;
  const [direction = '', portText = ''] = parts;
  if (!DIRECTIONS.has(direction)) return undefined;
  // The port slot is digits or empty; `inbound|http|9080` is a virtual-host name, not a cluster.
  if (!/^\d*$/.test(portText)) return undefined;
  const port = portText === '' ? undefined : Number(portText);
  if (parts.length === 3) return { direction, port, subset: '', host: parts[2] ?? '' };
  return { direction, port, subset: parts[2] ?? '', host: parts[3] ?? '' };
}
