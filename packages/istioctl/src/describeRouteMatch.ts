import type { RouteMatch } from '@meshlens/configdump';

/**
 * istioctl's MATCH text for a route: `/get*` for a prefix, the path as is, `regex <re>`,
 * `PathPrefix:<p>` for a path-separated prefix. Conditions are joined by a space. istioctl ignores
 * header, query and method matchers in this column, so two routes that differ only by headers read
 * the same; we keep that so the tables line up with istioctl's.
 */
export function describeRouteMatch(match: RouteMatch): string {
  const path = match.path;
  switch (path.kind) {
    // Go's `GetPrefix() != ""` test: an empty prefix contributes nothing.
    case 'prefix':
      return path.value === '' ? '' : `${path.value}*`;
    case 'path_separated_prefix':
      return path.value === '' ? '' : `PathPrefix:${path.value}`;
    case 'path':
      return path.value;
    case 'safe_regex':
    case 'regex':
      return `regex ${path.regex}`;
    default:
      return '';
  }
}
