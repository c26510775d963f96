import type { JsonValue } from '@meshlens/configdump';
import { rawBool, rawObj } from '../rawFields';
import type { HttpRequest } from '../routeRequest';
import { splitHostPort } from '../selectVirtualHost';

/** RFC 3986 §5.2.4 dot-segment removal on the path part (the query is left alone). */
export function removeDotSegments(path: string): string {
  const out: string[] = [];
  const segments = path.split('/');
  segments.forEach((seg, i) => {
    if (seg === '.') {
      if (i === segments.length - 1) out.push('');
    } else if (seg === '..') {
      if (out.length > 1) out.pop();
      if (i === segments.length - 1) out.push('');
    } else out.push(seg);
  });
  const joined = out.join('/');
  return joined.startsWith('/') ? joined : `/${joined}`;
}

/**
 * What the HTTP connection manager does to a request before routing (envoy-routing.md §5.1):
 * `normalize_path` (dot segments; Envoy's full canonicalisation also decodes unreserved
 * %-escapes - not modelled), `merge_slashes`, and host port / trailing dot stripping.
 */
export function prepareHcmRequest(
  hcm: JsonValue,
  req: HttpRequest,
  listenerPort: number,
): { request: HttpRequest; notes: string[] } {
  const cfg = rawObj(hcm, 'typed_config') ?? rawObj(hcm, 'config') ?? {};
  const notes: string[] = [];
  let { path, authority } = req;
  const q = path.search(/[?#]/);
  let just = q < 0 ? path : path.slice(0, q);
  const rest = q < 0 ? '' : path.slice(q);
  if (rawBool(cfg, 'normalize_path')) {
    const n = removeDotSegments(just);
    if (n !== just) notes.push(`normalize_path: ${just} -> ${n}.`);
    just = n;
  }
  if (rawBool(cfg, 'merge_slashes')) {
    const m = just.replace(/\/{2,}/g, '/');
    if (m !== just) notes.push(`merge_slashes: ${just} -> ${m}.`);
    just = m;
  }
  path = just + rest;
  const { host, port } = splitHostPort(authority);
  if (port !== undefined && rawBool(cfg, 'strip_any_host_port')) {
    notes.push(`strip_any_host_port: host "${authority}" -> "${host}".`);
    authority = host;
  } else if (
    port !== undefined &&
    rawBool(cfg, 'strip_matching_host_port') &&
    port === String(listenerPort)
  ) {
    notes.push(
      `strip_matching_host_port: ":${port}" equals the listener port; host "${authority}" -> "${host}".`,
    );
    authority = host;
  }
  if (rawBool(cfg, 'strip_trailing_host_dot')) {
    const { host: h, port: p } = splitHostPort(authority);
    if (h.endsWith('.')) {
      const stripped = `${h.slice(0, -1)}${p !== undefined ? `:${p}` : ''}`;
      notes.push(`strip_trailing_host_dot: host "${authority}" -> "${stripped}".`);
      authority = stripped;
    }
  }
  return { request: { ...req, path, authority }, notes };
}
