import type { ConfigDump, RouteConfig } from '@meshlens/configdump';
import type { Diagnostic } from './diagnostic';

function inlineRouteConfigs(dump: ConfigDump): RouteConfig[] {
  const out: RouteConfig[] = [];
  for (const l of dump.listeners)
    for (const c of [...l.filterChains, ...(l.defaultFilterChain ? [l.defaultFilterChain] : [])])
      for (const f of c.filters)
        if (f.kind === 'http_connection_manager' && f.routeSource.kind === 'inline')
          out.push(f.routeSource.routeConfig);
  return out;
}

/** Every route configuration of the dump, RDS/static and inline, each once. */
export function allRouteConfigs(dump: ConfigDump): RouteConfig[] {
  return [...new Set([...dump.routeConfigs, ...inlineRouteConfigs(dump)])];
}

/** A domain listed by two virtual hosts of one route configuration: Envoy rejects the whole config. */
export function checkDuplicateDomains(dump: ConfigDump): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rc of allRouteConfigs(dump)) {
    const owner = new Map<string, string>();
    for (const vh of rc.virtualHosts) {
      for (const d of vh.domains) {
        const key = d.toLowerCase();
        const first = owner.get(key);
        if (first === undefined) owner.set(key, vh.name);
        else if (first !== vh.name) {
          out.push({
            code: 'duplicate_domain',
            severity: 'error',
            message: `domain "${d}" is in virtual hosts "${first}" and "${vh.name}" of route config "${rc.name}"; Envoy rejects such a configuration`,
            ref: { kind: 'virtual_host', routeConfig: rc.name, name: vh.name },
          });
        }
      }
    }
  }
  return out;
}
