import type { ConfigDump } from '@meshlens/configdump';
import { splitHostPort } from '../selectVirtualHost';
import { dumpTraceIndex, type VipEntry } from './dumpTraceIndex';
import { parseIp } from './ipAddress';

/**
 * Istio sidecars reach a service by name: DNS resolves it to the service VIP, and the outbound
 * route configuration lists that VIP among the virtual host's domains. This finds the VIP for
 * `host` (port `port`) so the trace can use the listener for that VIP; undefined when the dump
 * does not say.
 */
export function resolveServiceIp(
  dump: ConfigDump,
  authority: string,
  port: number,
): { ip: string; virtualHost: string; routeConfig: string } | undefined {
  const host = splitHostPort(authority).host.toLowerCase();
  if (parseIp(host)) return undefined;
  const byPort = dump.index.routeConfigByName.get(String(port));
  const idx = dumpTraceIndex(dump);
  // The route configuration named after the port is searched first, then the rest in dump order;
  // within one, virtual hosts in order: the first virtual host listing the host wins.
  const rank = (e: VipEntry): number => (e.routeConfig === byPort ? -1 : e.rcOrder);
  let best: VipEntry | undefined;
  for (const key of [host, `${host}:${port}`]) {
    for (const e of idx.vipByDomain.get(key) ?? []) {
      if (!best || rank(e) < rank(best) || (rank(e) === rank(best) && e.vhOrder < best.vhOrder))
        best = e;
    }
  }
  return best && { ip: best.ip, virtualHost: best.virtualHost, routeConfig: best.routeConfig.name };
}
