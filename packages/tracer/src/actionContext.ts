import type { JsonObject, Route, RouteConfig, VirtualHost } from '@meshlens/configdump';
import {
  applyHeaderMutations,
  readHeaderMutations,
  type FormatterContext,
  type HeaderMutations,
} from './applyHeaderMutations';
import type { HeaderList } from './headerList';
import { rawBool, rawObj, rawStr } from './rawFields';
import type { HttpRequest, RouteTraceOptions } from './routeRequest';
import type { RejectedRoute, RouteTrace, TraceStep } from './routeTraceTypes';

/** Everything `traceRoute` knows once a route has matched. */
export interface ActionContext {
  rc: RouteConfig;
  vh: VirtualHost;
  route: Route;
  matchedPath: string | undefined;
  headers: HeaderList;
  req: HttpRequest;
  options: RouteTraceOptions;
  steps: TraceStep[];
  rejected: RejectedRoute[];
  randomValue: number | undefined;
}

// Envoy applies header mutations most specific first (weighted cluster, route, vhost, route
// config), so with `append: false` the least specific level wins; `most_specific_header_mutations_wins`
// reverses the order.
export function mutationLevels(
  ctx: ActionContext,
  kind: 'request' | 'response',
  clusterRaw: JsonObject | undefined,
): HeaderMutations[] {
  const levels = [
    readHeaderMutations(ctx.route.raw, kind, `route`),
    readHeaderMutations(ctx.vh.raw, kind, `virtual host "${ctx.vh.name}"`),
    readHeaderMutations(ctx.rc.raw, kind, `route configuration "${ctx.rc.name}"`),
  ];
  if (clusterRaw)
    levels.unshift(
      readHeaderMutations(
        clusterRaw,
        kind,
        `weighted cluster "${rawStr(clusterRaw, 'name') ?? ''}"`,
      ),
    );
  if (rawBool(ctx.rc.raw, 'most_specific_header_mutations_wins')) levels.reverse();
  return levels;
}

export function applyLevels(
  h: HeaderList,
  levels: HeaderMutations[],
  ctx: FormatterContext,
  notes: string[],
): HeaderList {
  let out = h;
  for (const l of levels) out = applyHeaderMutations(out, l, ctx, notes);
  return out;
}

export function formatter(ctx: ActionContext, requestHeaders: HeaderList): FormatterContext {
  const f: FormatterContext = { requestHeaders };
  const ip =
    ctx.options.downstreamRemoteIp ??
    (ctx.options.mode === 'router_check' ? '127.0.0.1' : undefined);
  if (ip !== undefined) f.downstreamRemoteIp = ip;
  if (ctx.options.downstreamLocalAddress !== undefined)
    f.downstreamLocalAddress = ctx.options.downstreamLocalAddress;
  return f;
}

export function base(ctx: ActionContext): Pick<
  RouteTrace,
  'steps' | 'virtualHost' | 'route' | 'rejected' | 'assumptions'
> & {
  routeMetadata?: JsonObject;
} {
  const out: Pick<RouteTrace, 'steps' | 'virtualHost' | 'route' | 'rejected' | 'assumptions'> & {
    routeMetadata?: JsonObject;
  } = {
    steps: ctx.steps,
    virtualHost: ctx.vh,
    route: ctx.route,
    rejected: ctx.rejected,
    assumptions: [],
  };
  const fm = rawObj(rawObj(ctx.route.raw, 'metadata'), 'filter_metadata');
  if (fm) out.routeMetadata = fm;
  return out;
}
