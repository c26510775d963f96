// Reads a Kiali graph API request (path + query string) into options, with Kiali's defaults and
// its 400 errors for bad values.
import type {
  AmbientTraffic,
  GraphNodeSelector,
  GrpcRate,
  HttpRate,
  KialiGraphOptions,
  TcpRate,
} from './graphOptions';
import type { GraphType } from './trafficMap';

/** A request Kiali would reject, with the HTTP status it would use. */
export interface GraphRequestError {
  status: number;
  message: string;
}

/** The part of `URLSearchParams` the parser reads (the package does not assume a DOM). */
export interface QueryParams {
  get(name: string): string | null;
}

/** Parsed request or the reason it is invalid. */
export type ParsedGraphRequest =
  { ok: true; options: KialiGraphOptions } | { ok: false; error: GraphRequestError };

const DURATION_UNITS: Record<string, number> = {
  ms: 0.001,
  s: 1,
  m: 60,
  h: 3600,
  d: 86400,
  w: 604800,
  y: 31536000,
};

/** Parses a Prometheus duration (`10m`, `1h30m`, `600s`) into seconds; undefined when invalid. */
export function parsePromDuration(text: string): number | undefined {
  if (!/^(\d+(ms|s|m|h|d|w|y))+$/.test(text)) return undefined;
  let total = 0;
  for (const m of text.matchAll(/(\d+)(ms|s|m|h|d|w|y)/g)) {
    total += Number(m[1]) * (DURATION_UNITS[m[2] ?? 's'] ?? 1);
  }
  return total;
}

function oneOf<T extends string>(
  value: string | null,
  allowed: readonly T[],
  fallback: T,
): T | undefined {
  if (value === null || value === '') return fallback;
  return (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

const bad = (message: string): ParsedGraphRequest => ({
  ok: false,
  error: { status: 400, message },
});

/** Which graph a Kiali API path asks for; undefined when the path is not a graph path. */
export function parseGraphPath(path: string): { node?: GraphNodeSelector } | undefined {
  const p = path.replace(/\/+$/, '');
  const seg = p.split('/').map(decodeURIComponent);
  // ['', 'api', 'namespaces', ...]
  if (seg[1] !== 'api' || seg[2] !== 'namespaces') return undefined;
  if (seg.length === 4 && seg[3] === 'graph') return {};
  const ns = seg[3];
  if (!ns || seg[seg.length - 1] !== 'graph') return undefined;
  const kind = seg[4];
  const name = seg[5];
  if (!name) return undefined;
  if (seg.length === 7 && kind === 'workloads')
    return { node: { kind: 'workload', namespace: ns, workload: name } };
  if (seg.length === 7 && kind === 'services')
    return { node: { kind: 'service', namespace: ns, service: name } };
  if (seg.length === 7 && kind === 'applications')
    return { node: { kind: 'app', namespace: ns, app: name } };
  if (seg.length === 9 && kind === 'applications' && seg[6] === 'versions' && seg[7]) {
    return { node: { kind: 'app', namespace: ns, app: name, version: seg[7] } };
  }
  return undefined;
}

/** Parses a graph request. `now` (unix seconds) is the default `queryTime`. */
export function parseGraphRequest(
  path: string,
  query: QueryParams,
  now: number,
): ParsedGraphRequest {
  const target = parseGraphPath(path);
  if (!target)
    return { ok: false, error: { status: 404, message: `not a Kiali graph API path: ${path}` } };

  const graphType = oneOf<GraphType>(
    query.get('graphType'),
    ['app', 'versionedApp', 'workload', 'service'],
    'workload',
  );
  if (!graphType) return bad(`Invalid graphType [${query.get('graphType') ?? ''}]`);

  const durationText = query.get('duration') ?? '10m';
  const duration = parsePromDuration(durationText);
  if (duration === undefined || duration <= 0) return bad(`Invalid duration [${durationText}]`);

  const queryTimeText = query.get('queryTime');
  const queryTime = queryTimeText ? Number(queryTimeText) : Math.floor(now);
  if (!Number.isInteger(queryTime)) return bad(`Invalid queryTime [${queryTimeText ?? ''}]`);

  const http = oneOf<HttpRate>(query.get('rateHttp'), ['requests', 'none'], 'requests');
  const grpc = oneOf<GrpcRate>(
    query.get('rateGrpc'),
    ['requests', 'sent', 'received', 'total', 'none'],
    'requests',
  );
  const tcp = oneOf<TcpRate>(query.get('rateTcp'), ['sent', 'received', 'total', 'none'], 'sent');
  if (!http) return bad(`Invalid rateHttp [${query.get('rateHttp') ?? ''}]`);
  if (!grpc) return bad(`Invalid rateGrpc [${query.get('rateGrpc') ?? ''}]`);
  if (!tcp) return bad(`Invalid rateTcp [${query.get('rateTcp') ?? ''}]`);
  const ambientTraffic = oneOf<AmbientTraffic>(
    query.get('ambientTraffic'),
    ['total', 'waypoint', 'ztunnel', 'none'],
    'total',
  );
  if (!ambientTraffic) return bad(`Invalid ambientTraffic [${query.get('ambientTraffic') ?? ''}]`);
  const responseTime = oneOf(query.get('responseTime'), ['avg', '50', '95', '99'] as const, '95');
  if (!responseTime) return bad(`Invalid responseTime [${query.get('responseTime') ?? ''}]`);
  const throughputType = oneOf(
    query.get('throughputType'),
    ['request', 'response'] as const,
    'response',
  );
  if (!throughputType) return bad(`Invalid throughputType [${query.get('throughputType') ?? ''}]`);

  const list = (name: string): string[] =>
    (query.get(name) ?? '')
      .split(',')
      .map((s: string) => s.trim())
      .filter((s: string) => s !== '');
  const appendersParam = query.get('appenders');
  const appenders = appendersParam === null ? ('all' as const) : new Set(list('appenders'));

  let namespaces: string[];
  if (target.node) {
    namespaces = [target.node.namespace];
  } else {
    namespaces = [...new Set(list('namespaces'))];
    if (namespaces.length === 0)
      return bad('At least one namespace must be specified via the namespaces query parameter.');
  }
  const boolParam = (name: string): boolean => query.get(name) === 'true';
  const clusterName = query.get('clusterName') ?? undefined;
  const options: KialiGraphOptions = {
    graphType,
    duration,
    queryTime,
    namespaces,
    // A service's node graph must contain that service: Kiali injects service nodes for it.
    injectServiceNodes:
      graphType === 'service' || target.node?.kind === 'service' || boolParam('injectServiceNodes'),
    includeIdleEdges: boolParam('includeIdleEdges'),
    boxBy: list('boxBy'),
    appenders,
    rates: { http, grpc, tcp },
    ambientTraffic,
    responseTime,
    throughputType,
    waypoints: query.get('waypoints') !== 'false',
  };
  if (clusterName) options.clusterName = clusterName;
  if (target.node) options.node = target.node;
  return { ok: true, options };
}
