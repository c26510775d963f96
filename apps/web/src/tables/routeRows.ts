import type { ConfigDump, HeaderMatcher, Route } from '@meshlens/configdump';
import { nodeIdFor } from '@meshlens/proxy-graph';

/** One row of the route table: one per route of each virtual host. */
export interface RouteRow {
  /** Route configuration name. */
  name: string;
  vhost: string;
  domains: string;
  match: string;
  /** `name.namespace` of the VirtualService behind the route. */
  virtualService: string;
  nodeId: string;
}

function headerText(h: HeaderMatcher): string {
  const m = h.match;
  const not = h.invert ? '!' : '';
  switch (m.kind) {
    case 'string':
      return `${not}${h.name}=${m.matcher.kind === 'safe_regex' ? m.matcher.regex : m.matcher.value}`;
    case 'present':
      return `${not}${h.name}${m.present ? '' : ' absent'}`;
    case 'range':
      return `${not}${h.name} in [${m.start},${m.end})`;
    case 'any':
      return `${not}${h.name}`;
  }
}

/** istioctl's MATCH column: the path match, plus header matchers when there are any. */
export function describeRouteMatch(r: Route): string {
  const p = r.match.path;
  let path: string;
  switch (p.kind) {
    case 'prefix':
      path = `${p.value}*`;
      break;
    case 'path':
    case 'path_separated_prefix':
      path = p.value;
      break;
    case 'safe_regex':
    case 'regex':
      path = p.regex;
      break;
    case 'connect_matcher':
      path = 'CONNECT';
      break;
    default:
      path = '';
  }
  const headers = r.match.headers.map(headerText);
  return headers.length > 0 ? `${path} (${headers.join(', ')})` : path;
}

/** Rows of the route table (RDS and static route configurations). */
export function routeRows(dump: ConfigDump): RouteRow[] {
  const rows: RouteRow[] = [];
  for (const rc of dump.routeConfigs) {
    for (const vh of rc.virtualHosts) {
      const domains = vh.domains.join(', ');
      for (const r of vh.routes) {
        rows.push({
          name: rc.name,
          vhost: vh.name,
          domains,
          match: describeRouteMatch(r),
          virtualService: r.istioConfig ? `${r.istioConfig.name}.${r.istioConfig.namespace}` : '',
          nodeId: nodeIdFor({
            kind: 'route',
            routeConfig: rc.name,
            virtualHost: vh.name,
            index: r.index,
          }),
        });
      }
    }
  }
  return rows;
}
