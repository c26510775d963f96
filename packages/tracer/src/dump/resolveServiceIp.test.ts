// The indexed VIP lookup against the plain search it replaced (route config named after the port
// first, then every route config in dump order, virtual hosts in order), over every domain of a
// generated 60-service sidecar dump, with the right port and with other ports.
import { parseConfigDump, type ConfigDump } from '@meshlens/configdump';
import { generateDemoMesh } from '@meshlens/demo-mesh';
import { describe, expect, it } from 'vitest';
import { splitHostPort } from '../selectVirtualHost';
import { parseIp } from './ipAddress';
import { resolveServiceIp } from './resolveServiceIp';

function reference(dump: ConfigDump, authority: string, port: number) {
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

describe('resolveServiceIp', () => {
  const proxy = generateDemoMesh({ services: 60 }).proxies.find((p) => p.app === 'productpage');
  if (!proxy) throw new Error('no productpage proxy');
  const parsed = parseConfigDump(JSON.stringify(proxy.dump));
  if (!parsed.ok) throw new Error(parsed.error.message);
  const dump = parsed.dump;

  it('finds the same VIP as a search of every virtual host, for every domain and port', () => {
    const ports = [
      ...new Set([...dump.routeConfigs.map((rc) => Number(rc.name)), 80, 12345]),
    ].filter((p) => Number.isInteger(p));
    let found = 0;
    let checked = 0;
    for (const rc of dump.routeConfigs)
      for (const vh of rc.virtualHosts)
        for (const domain of vh.domains) {
          for (const port of ports) {
            const authority = domain.toUpperCase();
            const want = reference(dump, authority, port);
            expect(resolveServiceIp(dump, authority, port), `${domain} port ${port}`).toEqual(want);
            if (want) found++;
            checked++;
          }
        }
    // The dump must exercise both outcomes, or the comparison proves little.
    expect(found).toBeGreaterThan(100);
    expect(checked - found).toBeGreaterThan(100);
  });

  it('names the demo service VIP of a short name', () => {
    const vip = resolveServiceIp(dump, 'reviews:9080', 9080);
    expect(vip?.routeConfig).toBe('9080');
    expect(vip && parseIp(vip.ip)?.family).toBe(4);
  });
});
