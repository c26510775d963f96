import type { Redirect } from '@meshlens/configdump';
import { headerFirst, type HeaderList } from './headerList';

const CODES: Record<string, number> = {
  MOVED_PERMANENTLY: 301,
  FOUND: 302,
  SEE_OTHER: 303,
  TEMPORARY_REDIRECT: 307,
  PERMANENT_REDIRECT: 308,
};

/** `RedirectAction.response_code` enum name -> HTTP status (301 by default). */
export function redirectStatus(code: string): number {
  return CODES[code] ?? (Number.isInteger(Number(code)) ? Number(code) : 301);
}

// Envoy's `Utility::processRequestHost`: when the scheme changes, an explicit default port of
// the old scheme (`:80` for http, `:443` for https) is dropped; a port redirect drops it too.
function processRequestHost(headers: HeaderList, newScheme: string, newPort: string): string {
  const host = headerFirst(headers, ':authority') ?? '';
  if (host === '') return host;
  let end: number;
  if (host.startsWith('[')) {
    end = host.lastIndexOf(']:');
    if (end >= 0) end += 1;
  } else end = host.lastIndexOf(':');
  if (end < 0) return host;
  const port = host.slice(end);
  const proto = headerFirst(headers, 'x-forwarded-proto') ?? '';
  let remove = newPort !== '';
  if (newScheme !== proto) {
    remove ||= proto === 'https' && port === ':443';
    remove ||= proto === 'http' && port === ':80';
  }
  return remove ? host.slice(0, end) : host;
}

/**
 * Envoy's `Http::Utility::newUri`: the `location` of a redirect (or the URI router_check reports
 * for a direct response, where `redirect` is undefined). `headers[':path']` must already carry
 * any `prefix_rewrite` / `regex_rewrite` of the redirect.
 */
export function redirectUri(redirect: Redirect | undefined, headers: HeaderList): string {
  const proto = headerFirst(headers, 'x-forwarded-proto') ?? 'http';
  const scheme = redirect?.schemeRedirect ?? (redirect?.httpsRedirect ? 'https' : proto);
  const port = redirect?.portRedirect !== undefined ? `:${redirect.portRedirect}` : '';
  const host = redirect?.hostRedirect ?? processRequestHost(headers, scheme, port);
  const current = headerFirst(headers, ':path') ?? '/';
  let path: string;
  const pathRedirect = redirect?.pathRedirect;
  const pathRedirectHasQuery = pathRedirect !== undefined && pathRedirect.includes('?');
  if (pathRedirect !== undefined && pathRedirect !== '') {
    // A query written in path_redirect wins over the request's and is never stripped.
    if (pathRedirectHasQuery) path = pathRedirect;
    else {
      const q = current.indexOf('?');
      path = q >= 0 ? pathRedirect + current.slice(q) : pathRedirect;
    }
  } else path = current;
  if (!path.startsWith('/')) path = `/${path}`;
  if (redirect?.stripQuery && !pathRedirectHasQuery) {
    const q = path.indexOf('?');
    if (q >= 0) path = path.slice(0, q);
  }
  return `${scheme}://${host}${port}${path}`;
}
