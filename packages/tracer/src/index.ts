export type { HeaderList } from './headerList';
export type { HttpRequest, RouteTraceOptions } from './routeRequest';
export type { RouteOutcome, RouteTrace, TraceStep, RejectedRoute } from './routeTraceTypes';
export type { WeightedPick, WeightedBranch } from './pickWeightedCluster';
export type { VirtualHostSelection } from './selectVirtualHost';
export { traceRoute } from './traceRoute';
export { selectVirtualHost } from './selectVirtualHost';
export { matchRoute } from './matchRoute';
export { pickWeightedCluster } from './pickWeightedCluster';
export { readRouteConfiguration } from './readRouteConfiguration';
export { parseHeaderMatcherRaw } from './parseHeaderMatcherRaw';
export { matchHeader, matchHeaders } from './matchHeader';
export { parseRouterCheckTests } from './routerCheck/parseRouterCheckTests';
export type {
  RouterCheckSuite,
  RouterCheckTest,
  RouterCheckInput,
} from './routerCheck/parseRouterCheckTests';
export { runRouterCheck, runRouterCheckTest, checkAssertions } from './routerCheck/runRouterCheck';
export type { RouterCheckResult } from './routerCheck/runRouterCheck';
export { formatRouterCheckReport } from './routerCheck/formatRouterCheckReport';
export { parseTolerantJson } from './routerCheck/parseTolerantJson';
