import type { HeaderList } from './headerList';

/** The request to route, as a client would send it. */
export interface HttpRequest {
  /** `:authority` / Host, possibly with a port (`reviews:9080`). */
  authority: string;
  /** `:path`, including `?query` and an optional `#fragment`. */
  path: string;
  method: string;
  /** Scheme the client used; sets `x-forwarded-proto` and `:scheme`. */
  scheme: 'http' | 'https';
  /** Extra request headers, in order; names are case-insensitive. */
  headers: HeaderList;
  /** Envoy-internal request (`x-envoy-internal: true`), for `require_tls: EXTERNAL_ONLY`. */
  internal?: boolean;
  /**
   * The stream's random value (uint64 in Envoy) used by `runtime_fraction` and weighted clusters.
   * Unset means "unknown": probabilistic choices are reported as branches.
   */
  randomValue?: number;
  /** Runtime overrides (`runtime_key` -> integer percent or weight), production mode only. */
  runtime?: Record<string, number>;
}

/** Envoy behaviours that differ between the real proxy and its `router_check_tool`. */
export interface RouteTraceOptions {
  /**
   * `production` (default): runtime fractions use `request.runtime` or their default value.
   * `router_check`: reproduce router_check_tool's runtime mock - a `runtime_fraction` route is
   * enabled only when its key equals `enabledRuntimeKey`, and a random value of 0 is assumed.
   */
  mode?: 'production' | 'router_check';
  /** router_check_tool's `input.runtime`. */
  enabledRuntimeKey?: string;
  /** Downstream peer IP for header formatters such as `%DOWNSTREAM_REMOTE_ADDRESS%` (router_check: 127.0.0.1). */
  downstreamRemoteIp?: string;
  /** Downstream local (listener) address `ip:port`, for `%DOWNSTREAM_LOCAL_ADDRESS%`. */
  downstreamLocalAddress?: string;
  /** Treat `present_match: false` on query parameters as "present" (Envoy before the 2023 fix). */
  legacyQueryPresentMatch?: boolean;
  /** Response headers the upstream sends, before the route's response mutations (router_check: `additional_response_headers`). */
  upstreamResponseHeaders?: HeaderList;
}

/** The request headers Envoy's router sees (router_check_tool builds the same set). */
export function requestHeaders(req: HttpRequest): HeaderList {
  const h: HeaderList = [
    [':authority', req.authority],
    [':path', req.path],
    [':method', req.method],
    [':scheme', req.scheme],
    ['x-forwarded-proto', req.scheme],
  ];
  if (req.internal) h.push(['x-envoy-internal', 'true']);
  for (const [n, v] of req.headers) h.push([n.toLowerCase(), v]);
  return h;
}
