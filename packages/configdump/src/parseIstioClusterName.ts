import type { IstioClusterName } from './model';

const DIRECTIONS = new Set(['inbound', 'outbound', 'inbound-vip', 'outbound-vip']);

/** Istio <= 1.3's SNI-style names: `outbound_.9080_.v1_.reviews.default.svc.cluster.local`. */
const UNDERSCORE_FORM = /^(inbound|outbound|inbound-vip|outbound-vip)_\.(\d*)_\.(.*?)_\.(.+)$/;

/**
 * Decodes Istio's cluster naming, `direction|port|subset|host`:
 * `outbound|9080|v1|reviews.default.svc.cluster.local`, `inbound|9080||` (modern inbound, no host),
 * `inbound|9080|http|productpage.default.svc.cluster.local` (Istio <= 1.5 put the port name where
 * the subset goes), `inbound-vip|8000|http|httpbin.default.svc.cluster.local` (ambient waypoints).
 * Also the `_.`-separated form Istio 1.3 and older used for some cluster names and for SNIs
 * (`outbound_.9080_.v1_.reviews.default.svc.cluster.local`, `outbound_.15010_._.istio-pilot...`
 * where the lone `_` is an empty subset). Returns undefined for names without either shape
 * (`BlackHoleCluster`, `prometheus_stats`...).
 */
export function parseIstioClusterName(name: string): IstioClusterName | undefined {
  // Cheap rejection first: most non-Istio names have no '|' at all.
  if (name.indexOf('|') < 0) return parseUnderscoreForm(name);
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

function parseUnderscoreForm(name: string): IstioClusterName | undefined {
  if (name.indexOf('_.') < 0) return undefined;
  const m = UNDERSCORE_FORM.exec(name);
  if (!m) return undefined;
  const [, direction = '', portText = '', subset = '', host = ''] = m;
  return { direction, port: portText === '' ? undefined : Number(portText), subset, host };
}
