/** Translates VirtualService HTTP routes into Envoy routes, the way istiod does for the demo's subset. */
import type { JsonObject } from '@meshlens/configdump';
import type {
  DemoHttpMatch,
  DemoHttpRoute,
  DemoRouteDestination,
  DemoVirtualService,
} from '../model';
import { resolveHost } from '../meshIndex';
import { DEFAULT_RETRY_POLICY, MAX_STREAM_DURATION, clusterName, istioConfigPath } from './shared';

const RETRY_HOST_PREDICATE = DEFAULT_RETRY_POLICY.retry_host_predicate ?? [];

function retryPolicy(route: DemoHttpRoute): JsonObject {
  if (!route.retries) return DEFAULT_RETRY_POLICY;
  const policy: JsonObject = {
    retry_on:
      route.retries.retryOn ??
      'connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes',
    num_retries: route.retries.attempts,
  };
  if (route.retries.perTryTimeout) policy.per_try_timeout = route.retries.perTryTimeout;
  policy.retry_host_predicate = RETRY_HOST_PREDICATE;
  policy.host_selection_retry_max_attempts = '5';
  return policy;
}

const destinationCluster = (d: DemoRouteDestination, vsNamespace: string): string =>
  clusterName('outbound', d.port, d.subset ?? '', resolveHost(d.host, vsNamespace));

function envoyMatch(match: DemoHttpMatch | undefined): JsonObject {
  const out: JsonObject = {};
  const uri = match?.uri;
  if (uri && 'exact' in uri) out.path = uri.exact;
  else if (uri) out.prefix = uri.prefix;
  else out.prefix = '/';
  const headers = Object.entries(match?.headers ?? {});
  if (headers.length > 0)
    out.headers = headers.map(([name, exact]) => ({ name, string_match: { exact } }));
  return out;
}

function decoratorPath(match: DemoHttpMatch | undefined): string {
  const uri = match?.uri;
  if (uri && 'exact' in uri) return uri.exact;
  if (uri) return `${uri.prefix}*`;
  return '/*';
}

/** The matches of `http` that apply on `port` (all when no port is given); `[]` = none apply. */
function matchesOnPort(
  http: DemoHttpRoute,
  port: number | undefined,
): (DemoHttpMatch | undefined)[] {
  if (!http.match) return [undefined];
  return http.match.filter((m) => port === undefined || m.port === undefined || m.port === port);
}

/**
 * The Envoy routes of a VirtualService: one per (HTTP route x match), since Envoy has no OR of
 * matches; `operationHost` is the `host:port` prefix of the tracing decorator. With `port`, only
 * the matches without a port or with that port count (Istio builds one route config per port).
 */
export function virtualServiceRoutes(vs: DemoVirtualService, port?: number): JsonObject[] {
  const metadata: JsonObject = {
    filter_metadata: {
      istio: { config: istioConfigPath('virtual-service', vs.namespace, vs.name) },
    },
  };
  const routes: JsonObject[] = [];
  for (const http of vs.http) {
    const first = http.route[0];
    if (!first) continue;
    const action: JsonObject =
      http.route.length === 1
        ? { cluster: destinationCluster(first, vs.namespace) }
        : {
            weighted_clusters: {
              clusters: http.route.map((d) => ({
                name: destinationCluster(d, vs.namespace),
                weight: d.weight ?? 0,
              })),
            },
          };
    action.timeout = http.timeout ?? '0s';
    action.retry_policy = retryPolicy(http);
    action.max_stream_duration = MAX_STREAM_DURATION;
    const operationHost = `${resolveHost(first.host, vs.namespace)}:${first.port}`;
    for (const match of matchesOnPort(http, port)) {
      const route: JsonObject = {
        match: envoyMatch(match),
        route: action,
        metadata,
        decorator: { operation: `${operationHost}${decoratorPath(match)}` },
      };
      if (http.name) route.name = http.name;
      routes.push(route);
    }
  }
  return routes;
}

/** The route a service gets without a VirtualService: everything to its default cluster. */
export function defaultRoute(cluster: string, hostAndPort: string): JsonObject {
  return {
    name: 'default',
    match: { prefix: '/' },
    route: {
      cluster,
      timeout: '0s',
      retry_policy: DEFAULT_RETRY_POLICY,
      max_stream_duration: MAX_STREAM_DURATION,
    },
    decorator: { operation: `${hostAndPort}/*` },
  };
}
