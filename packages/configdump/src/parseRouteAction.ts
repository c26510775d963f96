import { base64ToBytes, bytesToText } from './base64';
import { bool, field, has, mapObjs, num, obj, objArr, str } from './fields';
import type {
  ForwardOptions,
  JsonObject,
  Redirect,
  RetryPolicy,
  RouteAction,
  WeightedCluster,
} from './model';
import { parseFraction } from './parseRouteMatch';

const RESPONSE_CODES = [
  'MOVED_PERMANENTLY',
  'FOUND',
  'SEE_OTHER',
  'TEMPORARY_REDIRECT',
  'PERMANENT_REDIRECT',
];

function regexRewrite(o: JsonObject): { regex: string; substitution: string } | undefined {
  const rr = obj(o, 'regex_rewrite');
  if (!rr) return undefined;
  const pattern = obj(rr, 'pattern');
  return {
    regex: (pattern && str(pattern, 'regex')) ?? '',
    substitution: str(rr, 'substitution') ?? '',
  };
}

/** Weighted clusters of a route or TCP proxy (`weighted_clusters.clusters`). */
export function parseWeightedClusters(wc: JsonObject): WeightedCluster[] {
  return mapObjs(wc, 'clusters', (c) => {
    const w: WeightedCluster = {
      name: str(c, 'name') ?? '',
      weight: num(c, 'weight') ?? 0,
      raw: c,
    };
    const header = str(c, 'cluster_header');
    if (header !== undefined) w.clusterHeader = header;
    return w;
  });
}

function parseRetry(r: JsonObject): RetryPolicy {
  const p: RetryPolicy = { raw: r };
  const retryOn = str(r, 'retry_on');
  if (retryOn !== undefined) p.retryOn = retryOn;
  const n = num(r, 'num_retries');
  if (n !== undefined) p.numRetries = n;
  const perTry = str(r, 'per_try_timeout');
  if (perTry !== undefined) p.perTryTimeout = perTry;
  return p;
}

function parseOptions(a: JsonObject): ForwardOptions {
  const o: ForwardOptions = { mirrors: [] };
  const timeout = str(a, 'timeout');
  if (timeout !== undefined) o.timeout = timeout;
  const idle = str(a, 'idle_timeout');
  if (idle !== undefined) o.idleTimeout = idle;
  const retry = obj(a, 'retry_policy');
  if (retry) o.retryPolicy = parseRetry(retry);
  // v3 `request_mirror_policies` (list) and v2 `request_mirror_policy` (single).
  const mirrorList = objArr(a, 'request_mirror_policies');
  const single = obj(a, 'request_mirror_policy');
  if (single) mirrorList.push(single);
  for (const m of mirrorList) {
    const fraction = parseFraction(obj(obj(m, 'runtime_fraction') ?? {}, 'default_value'));
    const cluster = str(m, 'cluster') ?? '';
    o.mirrors.push(fraction ? { cluster, runtimeFraction: fraction } : { cluster });
  }
  const prefix = str(a, 'prefix_rewrite');
  if (prefix !== undefined) o.prefixRewrite = prefix;
  const rr = regexRewrite(a);
  if (rr) o.regexRewrite = rr;
  const host = str(a, 'host_rewrite_literal') ?? str(a, 'host_rewrite');
  if (host !== undefined) o.hostRewriteLiteral = host;
  const auto = bool(a, 'auto_host_rewrite');
  if (auto !== undefined) o.autoHostRewrite = auto;
  return o;
}

function parseRedirect(r: JsonObject): Redirect {
  const code = field(r, 'response_code');
  const out: Redirect = {
    httpsRedirect: bool(r, 'https_redirect') ?? false,
    responseCode:
      typeof code === 'number'
        ? (RESPONSE_CODES[code] ?? String(code))
        : typeof code === 'string'
          ? code
          : 'MOVED_PERMANENTLY',
    stripQuery: bool(r, 'strip_query') ?? false,
  };
  const scheme = str(r, 'scheme_redirect');
  if (scheme !== undefined) out.schemeRedirect = scheme;
  const host = str(r, 'host_redirect');
  if (host !== undefined) out.hostRedirect = host;
  const port = num(r, 'port_redirect');
  if (port !== undefined) out.portRedirect = port;
  const path = str(r, 'path_redirect');
  if (path !== undefined) out.pathRedirect = path;
  const prefix = str(r, 'prefix_rewrite');
  if (prefix !== undefined) out.prefixRewrite = prefix;
  const rr = regexRewrite(r);
  if (rr) out.regexRewrite = rr;
  return out;
}

function directResponseBody(body: JsonObject | undefined): string | undefined {
  if (!body) return undefined;
  const s = str(body, 'inline_string');
  if (s !== undefined) return s;
  const b = str(body, 'inline_bytes');
  if (b !== undefined) {
    const bytes = base64ToBytes(b);
    return bytes ? bytesToText(bytes) : undefined;
  }
  return undefined;
}

/** What a route does: forward (cluster / weighted / header), redirect, respond, or nothing. */
export function parseRouteAction(route: JsonObject): RouteAction {
  const a = obj(route, 'route');
  if (a) {
    const options = parseOptions(a);
    const cluster = str(a, 'cluster');
    if (cluster !== undefined) return { kind: 'cluster', cluster, options };
    const wc = obj(a, 'weighted_clusters');
    if (wc) {
      const clusters = parseWeightedClusters(wc);
      let sum = 0;
      for (const c of clusters) sum += c.weight;
      const action: RouteAction = {
        kind: 'weighted_clusters',
        clusters,
        totalWeight: num(wc, 'total_weight') ?? sum,
        options,
      };
      const prefix = str(wc, 'runtime_key_prefix');
      if (prefix !== undefined) action.runtimeKeyPrefix = prefix;
      return action;
    }
    const header = str(a, 'cluster_header');
    if (header !== undefined) return { kind: 'cluster_header', header, options };
    return { kind: 'unknown', raw: a };
  }
  const redirect = obj(route, 'redirect');
  if (redirect) return { kind: 'redirect', redirect: parseRedirect(redirect) };
  const dr = obj(route, 'direct_response');
  if (dr) {
    const body = directResponseBody(obj(dr, 'body'));
    const status = num(dr, 'status') ?? 0;
    return body === undefined
      ? { kind: 'direct_response', status }
      : { kind: 'direct_response', status, body };
  }
  if (has(route, 'non_forwarding_action')) return { kind: 'non_forwarding' };
  return { kind: 'unknown', raw: route };
}
