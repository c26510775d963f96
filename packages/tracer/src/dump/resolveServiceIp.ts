import type { ConfigDump } from '@meshlens/configdump';
import { splitHostPort } from '../selectVirtualHost';
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
  const configs = byPort
    ? [byPort, ...dump.routeConfigs.filter((r) => r !== byPort)]
    : dump.routeConfigs;
  for (const rc of configs) {
    for (const vh of rc.virtualHosts) {
      const domains = vh.domains.map((d) => d.toLowerCase());
      if (!domains.includes(host) && !domains.includes(`${host}:${port}`)) continue;
      for (const d of domains) {
        const ip = splitHostPort(d).host;
        if (parseIp(ip)?.family === 4 && !ip.startsWith('0.'))
          return { ip, virtualHost: vh.name, routeConfig: rc.name };
      }
    }
  }
  return undefined;
}
