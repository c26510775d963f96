import type { RouteAction, RouteConfig } from '@meshlens/configdump';
import { goSortSlice } from './goSort';
import { describeIstioConfig } from './istioConfigRef';
import { describeRouteMatch } from './routeMatch';
import { WIDE_LAYOUT, type Table } from './table';

/** The filter of `proxy-config route` (`--name`, exact). */
export interface RouteFilter {
  name?: string;
}

/** RDS route configs first, then static ones, as istioctl lists them; inline ones are not listed. */
export function listedRouteConfigs(configs: readonly RouteConfig[]): RouteConfig[] {
  const named = configs.filter((c) => !c.inline);
  return [
    ...named.filter((c) => c.state !== 'static'),
    ...named.filter((c) => c.state === 'static'),
  ];
}

function atoi(text: string): number | undefined {
  return /^[+-]?\d+$/.test(text) ? Number.parseInt(text, 10) : undefined;
}

/**
 * istioctl orders route configs numerically by name and treats every non-numeric name as "not
 * less" than anything; with Go's insertion sort that moves numeric names among themselves only.
 */
export function sortRouteConfigs(configs: readonly RouteConfig[]): RouteConfig[] {
  return goSortSlice(configs, (a, b) => {
    const x = atoi(a.name);
    const y = atoi(b.name);
    return x !== undefined && y !== undefined && x < y;
  });
}

/**
 * The DOMAINS column: the single domain, or the shortest domain not starting with a digit 1-9
 * followed by `+ N more...`, as istioctl abbreviates long Istio domain lists.
 */
export function describeRouteDomains(domains: readonly string[]): string {
  if (domains.length === 0) return '';
  if (domains.length === 1) return domains[0] ?? '';
  let candidate = '';
  for (const d of domains) {
    if (d === '') continue;
    const first = d[0] ?? '';
    if ((first < '1' || first > '9') && (candidate === '' || candidate.length > d.length))
      candidate = d;
  }
  return `${candidate} + ${domains.length - 1} more...`;
}

// Sidecar outbound configs end with a catch-all route to PassthroughCluster; istioctl hides it.
function isPassthrough(action: RouteAction): boolean {
  return action.kind === 'cluster' && action.cluster === 'PassthroughCluster';
}

/** The `proxy-config route` table: one row per route (verbose) or per route config. */
export function routeTable(
  configs: readonly RouteConfig[],
  options: { filter: RouteFilter; verbose: boolean; includeConfigType: boolean },
): Table {
  const selected = sortRouteConfigs(configs).filter(
    (c) =>
      options.filter.name === undefined ||
      options.filter.name === '' ||
      c.name === options.filter.name,
  );
  const nameOf = (c: RouteConfig): string =>
    options.includeConfigType ? `route/${c.name}` : c.name;
  if (!options.verbose) {
    return {
      header: ['NAME', 'VIRTUAL HOSTS'],
      rows: selected.map((c) => [nameOf(c), String(c.virtualHosts.length)]),
      layout: WIDE_LAYOUT,
    };
  }
  const rows: string[][] = [];
  for (const c of selected) {
    for (const vh of c.virtualHosts) {
      const domains = describeRouteDomains(vh.domains);
      for (const r of vh.routes) {
        if (isPassthrough(r.action)) continue;
        rows.push([
          nameOf(c),
          vh.name,
          domains,
          describeRouteMatch(r.match),
          describeIstioConfig(r.istioConfig, r.raw),
        ]);
      }
      // A virtual host without routes answers 404 to everything.
      if (vh.routes.length === 0) rows.push([nameOf(c), vh.name, domains, '/*', '404']);
    }
  }
  return {
    header: ['NAME', 'VHOST NAME', 'DOMAINS', 'MATCH', 'VIRTUAL SERVICE'],
    rows,
    layout: WIDE_LAYOUT,
  };
}
