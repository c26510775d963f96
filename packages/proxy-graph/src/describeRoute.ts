import type { PathMatch, Redirect, Route, RouteAction } from '@meshlens/configdump';

/** A short text for a route's path match: `prefix /api`, `path /login`, `regex ^/v[0-9]+`. */
export function describePathMatch(path: PathMatch): string {
  switch (path.kind) {
    case 'prefix':
      return `prefix ${path.value}`;
    case 'path':
      return `path ${path.value}`;
    case 'path_separated_prefix':
      return `prefix ${path.value} (segments)`;
    case 'safe_regex':
    case 'regex':
      return `regex ${path.regex}`;
    case 'connect_matcher':
      return 'CONNECT';
    case 'path_match_policy':
      return 'path template';
    case 'none':
      return 'any path';
  }
}

/** The route match in one line: path plus the number of header / query conditions. */
export function describeRouteMatch(route: Route): string {
  const extra: string[] = [];
  const h = route.match.headers.length;
  const q = route.match.queryParameters.length;
  if (h > 0) extra.push(`${h} header${h > 1 ? 's' : ''}`);
  if (q > 0) extra.push(`${q} query`);
  if (route.match.grpc) extra.push('gRPC');
  if (route.match.runtimeFraction) extra.push('fraction');
  return extra.length > 0
    ? `${describePathMatch(route.match.path)} + ${extra.join(', ')}`
    : describePathMatch(route.match.path);
}

const redirectCodes: Record<string, number> = {
  MOVED_PERMANENTLY: 301,
  FOUND: 302,
  SEE_OTHER: 303,
  TEMPORARY_REDIRECT: 307,
  PERMANENT_REDIRECT: 308,
};

/**
 * `301 -> https://<host>/login`: the status code and what the redirect changes; parts the
 * redirect keeps from the request are left out (`<host>` when only the scheme or port change).
 */
export function describeRedirect(r: Redirect): string {
  const code = redirectCodes[r.responseCode] ?? r.responseCode;
  const scheme = r.httpsRedirect ? 'https' : r.schemeRedirect;
  const port = r.portRedirect !== undefined ? `:${r.portRedirect}` : '';
  const host = r.hostRedirect ?? (scheme !== undefined || port !== '' ? '<host>' : '');
  const path =
    r.pathRedirect ??
    (r.prefixRewrite !== undefined
      ? `${r.prefixRewrite}*`
      : r.regexRewrite
        ? `${r.regexRewrite.substitution} (regex)`
        : '');
  const target = `${scheme !== undefined ? `${scheme}://` : ''}${host}${port}${path}`;
  return target === ''
    ? `${code} redirect`
    : `${code} -> ${target}${r.stripQuery ? ' (no query)' : ''}`;
}

/** The label of the terminal pseudo node a non-forwarding action ends in, if the action has one. */
export function terminalLabel(action: RouteAction): string | undefined {
  switch (action.kind) {
    case 'redirect':
      return describeRedirect(action.redirect);
    case 'direct_response':
      return `${action.status} direct`;
    case 'non_forwarding':
      return 'non-forwarding';
    case 'unknown':
      return 'unknown action';
    default:
      return undefined;
  }
}
