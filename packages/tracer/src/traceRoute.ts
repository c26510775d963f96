import type { Route, RouteConfig, VirtualHost } from '@meshlens/configdump';
import { headerFirst, type HeaderList } from './headerList';
import { matchRoute } from './matchRoute';
import { rawBool, rawObj, rawStr } from './rawFields';
import { requestHeaders, type HttpRequest, type RouteTraceOptions } from './routeRequest';
import type { RejectedRoute, RouteTrace, TraceStep } from './routeTraceTypes';
import { selectVirtualHost } from './selectVirtualHost';
import { traceRouteAction } from './traceRouteAction';

function routeLabel(r: Route): string {
  return r.name !== undefined && r.name !== ''
    ? `route #${r.index} "${r.name}"`
    : `route #${r.index}`;
}

function noRoute(
  summary: string,
  steps: TraceStep[],
  headers: HeaderList,
  rest: Partial<RouteTrace> = {},
): RouteTrace {
  return {
    outcome: 'no_route',
    summary,
    steps,
    rejected: [],
    requestHeaders: headers,
    responseHeaders: [[':status', '404']],
    assumptions: [],
    ...rest,
  };
}

/**
 * Routes one request through a route configuration exactly as Envoy's router does (virtual host
 * by domain, `require_tls`, first matching route, then the action with its rewrites and header
 * mutations) and explains every decision. Pure: no I/O, no clocks, no randomness.
 */
export function traceRoute(
  rc: RouteConfig,
  req: HttpRequest,
  options: RouteTraceOptions = {},
): RouteTrace {
  const steps: TraceStep[] = [];
  const headers = requestHeaders(req);
  const ignorePort = rawBool(rc.raw, 'ignore_port_in_host_matching') ?? false;
  // `vhost_header` (newer Envoy) names the header used instead of :authority for domain matching.
  const vhostHeader = rawStr(rc.raw, 'vhost_header');
  const vhSel = selectVirtualHost(rc, headerFirst(headers, vhostHeader ?? ':authority'), {
    ignorePort,
  });
  if (vhostHeader !== undefined)
    vhSel.explanation.unshift(
      `Domains are matched against header "${vhostHeader}" (vhost_header), not :authority.`,
    );
  const vh = vhSel.virtualHost;
  steps.push({
    kind: 'virtual_host',
    title: vh ? `virtual host "${vh.name}"` : 'no virtual host',
    explanation: vhSel.explanation,
    ...(vh ? { ref: { kind: 'virtual_host' as const, routeConfig: rc.name, name: vh.name } } : {}),
  });
  if (!vh)
    return noRoute(
      `No virtual host of ${rc.name ? `"${rc.name}"` : 'the route configuration'} matches host "${req.authority}": 404 (NR).`,
      steps,
      headers,
    );

  const tls = requireTlsRedirect(vh, headers);
  if (tls) {
    steps.push({
      kind: 'require_tls',
      title: `TLS redirect to ${tls.location}`,
      explanation: [tls.why],
      ref: { kind: 'virtual_host', routeConfig: rc.name, name: vh.name },
    });
    return {
      outcome: 'redirect',
      summary: `Virtual host "${vh.name}" requires TLS: 301 redirect to ${tls.location}.`,
      steps,
      virtualHost: vh,
      rejected: [],
      redirect: { location: tls.location, status: 301, tlsRedirect: true },
      requestHeaders: headers,
      responseHeaders: [[':status', '301']],
      assumptions: [],
    };
  }
  if (vh.requireTls !== 'NONE') {
    steps.push({
      kind: 'require_tls',
      title: `require_tls ${vh.requireTls} satisfied`,
      explanation: [
        `x-forwarded-proto is "${headerFirst(headers, 'x-forwarded-proto') ?? ''}"${req.internal ? ' and the request is internal' : ''}: no TLS redirect.`,
      ],
    });
  }

  const rejected: RejectedRoute[] = [];
  const explanation: string[] = [];
  if (rawObj(vh.raw, 'matcher'))
    explanation.push(
      'This virtual host uses the xds `matcher` tree instead of `routes`; the tracer scans `routes` only, so the result may be wrong.',
    );
  const input = {
    headers,
    randomValue: options.mode === 'router_check' ? (req.randomValue ?? 0) : req.randomValue,
    runtime: req.runtime,
    ignorePathParameters: rawBool(rc.raw, 'ignore_path_parameters_in_path_matching') ?? false,
    options,
  };
  let winner: { route: Route; matchedPath?: string } | undefined;
  for (const route of vh.routes) {
    const r = matchRoute(route, input);
    if (r.matched) {
      winner = r.matchedPath === undefined ? { route } : { route, matchedPath: r.matchedPath };
      explanation.push(`${routeLabel(route)} matches: ${r.details.join('; ')}.`);
      break;
    }
    const rej: RejectedRoute = { index: route.index, reason: r.reason };
    if (route.name !== undefined) rej.name = route.name;
    if (r.probability !== undefined) rej.probability = r.probability;
    rejected.push(rej);
    explanation.push(`${routeLabel(route)} does not match: ${r.reason}.`);
  }
  if (!winner) {
    explanation.push(`None of the ${vh.routes.length} routes match: 404 (NR).`);
    steps.push({
      kind: 'route',
      title: 'no route',
      explanation,
      ref: { kind: 'virtual_host', routeConfig: rc.name, name: vh.name },
    });
    return noRoute(
      `No route of virtual host "${vh.name}" matches ${req.method} ${req.path}: 404 (NR).`,
      steps,
      headers,
      { virtualHost: vh, rejected },
    );
  }
  steps.push({
    kind: 'route',
    title: routeLabel(winner.route),
    explanation,
    ref: { kind: 'route', routeConfig: rc.name, virtualHost: vh.name, index: winner.route.index },
  });
  return traceRouteAction({
    rc,
    vh,
    route: winner.route,
    matchedPath: winner.matchedPath,
    headers,
    req,
    options,
    steps,
    rejected,
    randomValue: input.randomValue,
  });
}

// Envoy checks `require_tls` before any route: `ALL` redirects every non-https request,
// `EXTERNAL_ONLY` those without `x-envoy-internal: true`. The location keeps host and path.
function requireTlsRedirect(
  vh: VirtualHost,
  headers: HeaderList,
): { location: string; why: string } | undefined {
  const proto = headerFirst(headers, 'x-forwarded-proto') ?? '';
  if (proto === 'https' || vh.requireTls === 'NONE') return undefined;
  const internal = headerFirst(headers, 'x-envoy-internal') === 'true';
  if (vh.requireTls === 'EXTERNAL_ONLY' && internal) return undefined;
  const location = `https://${headerFirst(headers, ':authority') ?? ''}${headerFirst(headers, ':path') ?? ''}`;
  const why =
    vh.requireTls === 'ALL'
      ? `require_tls: ALL and the request arrived over ${proto}: Envoy answers 301 to the https URL.`
      : `require_tls: EXTERNAL_ONLY and the request is external (no x-envoy-internal) over ${proto}: 301 to the https URL.`;
  return { location, why };
}
