import type { HttpRequest } from '../routeRequest';

/** What `meshlens trace 'GET http://reviews:9080/reviews/1'` asks for. */
export interface TraceTarget {
  /** The HTTP request; absent for `tcp://host:port`. */
  request?: HttpRequest;
  host: string;
  port: number;
}

/**
 * Parses `[METHOD] URL`: `http://` / `https://` URLs become requests (default ports 80/443),
 * `tcp://host:port` a plain connection. Errors are values with a message a person can act on.
 */
export function parseTraceTarget(
  text: string,
): { ok: true; target: TraceTarget } | { ok: false; error: string } {
  const parts = text.trim().split(/\s+/);
  const [first, second] = parts;
  const hasMethod = parts.length === 2 && first !== undefined && /^[A-Za-z]+$/.test(first);
  const method = hasMethod ? (first ?? 'GET').toUpperCase() : 'GET';
  const url = hasMethod ? second : first;
  if (url === undefined || parts.length > 2)
    return {
      ok: false,
      error: `expected "[METHOD] URL", e.g. "GET http://reviews:9080/reviews/1"; got "${text}"`,
    };
  const m = /^(https?|tcp):\/\/(\[[^\]]+\]|[^/:?#]+)(?::(\d+))?([^#]*)?/i.exec(url);
  if (!m) return { ok: false, error: `"${url}" is not an http://, https:// or tcp:// URL` };
  const scheme = (m[1] ?? 'http').toLowerCase();
  const host = m[2] ?? '';
  const port = m[3] !== undefined ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    return { ok: false, error: `port ${m[3] ?? ''} is out of range` };
  if (scheme === 'tcp') {
    if (m[3] === undefined)
      return { ok: false, error: 'tcp:// targets need a port, e.g. tcp://10.96.0.10:53' };
    return { ok: true, target: { host: host.replace(/^\[|\]$/g, ''), port } };
  }
  const path = m[4] === undefined || m[4] === '' ? '/' : m[4].startsWith('/') ? m[4] : `/${m[4]}`;
  const authority = m[3] !== undefined ? `${host}:${port}` : host;
  return {
    ok: true,
    target: {
      host: host.replace(/^\[|\]$/g, ''),
      port,
      request: {
        authority,
        path,
        method,
        scheme: scheme === 'https' ? 'https' : 'http',
        headers: [],
      },
    },
  };
}
