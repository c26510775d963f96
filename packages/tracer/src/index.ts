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
export { traceDump } from './dump/traceDump';
export type {
  DumpTrace,
  DumpTraceInput,
  DumpTraceOutcome,
  DumpTraceStep,
} from './dump/dumpTraceTypes';
export type { ConnectionInput } from './dump/connection';
export type { ClusterResolution } from './dump/resolveCluster';
export { resolveCluster, formatAddress } from './dump/resolveCluster';
export { parseTraceTarget } from './dump/parseTraceTarget';
export type { TraceTarget } from './dump/parseTraceTarget';
export { formatDumpTrace } from './dump/formatDumpTrace';
export { selectListener } from './dump/selectListener';
export { selectFilterChain } from './dump/selectFilterChain';
export { dumpTraceJson } from './dump/dumpTraceJson';
export type { DumpTraceJson } from './dump/dumpTraceJson';
export { parseRequestLine } from './parseRequestLine';
export type { RequestLineOptions, RequestLineError } from './parseRequestLine';
