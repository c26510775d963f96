import type { ConfigDump, Route } from '@meshlens/configdump';
import { allRouteConfigs } from './checkDuplicateDomains';
import type { Diagnostic } from './diagnostic';
import { routeCovers } from './routeCovers';

function label(r: Route): string {
  const p = r.match.path;
  const path =
    'value' in p ? `${p.kind} "${p.value}"` : 'regex' in p ? `${p.kind} "${p.regex}"` : p.kind;
  const extra =
    r.match.headers.length > 0 ? ` + ${r.match.headers.length} header condition(s)` : '';
  return `#${r.index}${r.name ? ` "${r.name}"` : ''} (${path}${extra})`;
}

/** Routes that can never match because an earlier route of the same virtual host takes all their requests. */
export function checkShadowedRoutes(dump: ConfigDump): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rc of allRouteConfigs(dump)) {
    for (const vh of rc.virtualHosts) {
      vh.routes.forEach((b, i) => {
        const a = vh.routes.slice(0, i).find((earlier) => routeCovers(earlier, b));
        if (a) {
          out.push({
            code: 'shadowed_route',
            severity: 'warning',
            message: `route ${label(b)} in ${rc.name} / ${vh.name} can never match: earlier route ${label(a)} matches every request it does`,
            ref: { kind: 'route', routeConfig: rc.name, virtualHost: vh.name, index: b.index },
          });
        }
      });
    }
  }
  return out;
}
