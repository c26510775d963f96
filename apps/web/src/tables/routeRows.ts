import type { ConfigDump, HeaderMatcher, Route, RouteConfig } from '@meshlens/configdump';
import { listenerKey, nodeIdFor } from '@meshlens/proxy-graph';

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

/**
 * The graph name of each nameless route config. Envoy's routes dump repeats the inline route
 * configs of listeners as nameless static ones; the graph draws those inline, named after their
 * listener and chain (`<listener key>#<chain index> inline`), so the copy is matched by content
 * (virtual hosts, domains and path matches: the raw JSON of the two copies can differ in form).
 */
function inlineGraphNames(dump: ConfigDump): Map<string, string> {
  const out = new Map<string, string>();
  for (const l of dump.listeners) {
    const chains = l.defaultFilterChain
      ? [...l.filterChains, l.defaultFilterChain]
      : l.filterChains;
    for (const fc of chains) {
      for (const f of fc.filters) {
        if (f.kind !== 'http_connection_manager' || f.routeSource.kind !== 'inline') continue;
        const key = contentKey(f.routeSource.routeConfig);
        if (!out.has(key)) out.set(key, `${listenerKey(l)}#${fc.index} inline`);
      }
    }
  }
  return out;
}

function contentKey(rc: RouteConfig): string {
  return JSON.stringify(
    rc.virtualHosts.map((vh) => [vh.name, vh.domains, vh.routes.map((r) => r.match.path)]),
  );
}

function graphName(rc: RouteConfig, inline: Map<string, string> | undefined): string {
  if (rc.name !== '' || inline === undefined) return rc.name;
  return inline.get(contentKey(rc)) ?? rc.name;
}

/** Rows of the route table: RDS and static route configurations, nameless (inline) ones too. */
export function routeRows(dump: ConfigDump): RouteRow[] {
  const rows: RouteRow[] = [];
  const inline = dump.routeConfigs.some((rc) => rc.name === '')
    ? inlineGraphNames(dump)
    : undefined;
  for (const rc of dump.routeConfigs) {
    const drawn = graphName(rc, inline);
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
            routeConfig: drawn,
            virtualHost: vh.name,
            index: r.index,
          }),
        });
      }
    }
  }
  return rows;
}
