import type { RouteConfig } from '@meshlens/configdump';
import { routeRows } from '@meshlens/istioctl';
import { goSortSlice } from './goSort';
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
  const rows = selected.flatMap((c) =>
    routeRows(c).map((r) => [nameOf(c), r.vhost, r.domains, r.match, r.virtualService]),
  );
  return {
    header: ['NAME', 'VHOST NAME', 'DOMAINS', 'MATCH', 'VIRTUAL SERVICE'],
    rows,
    layout: WIDE_LAYOUT,
  };
}
