export { buildKialiGraph, type KialiGraphResult, type KialiGraphSettings } from './buildKialiGraph';
export type {
  KialiGraphOptions,
  GraphNodeSelector,
  AmbientTraffic,
  GrpcRate,
  HttpRate,
  TcpRate,
} from './graphOptions';
export type {
  KialiEdgeData,
  KialiGraphResponse,
  KialiNodeData,
  KialiProtocolTraffic,
} from './kialiGraphJson';
export { accessKey, type AccessibleNamespaces } from './markOutsiders';
export { waypointByName, type WaypointPredicate } from './markWaypoints';
export {
  parseGraphPath,
  parseGraphRequest,
  parsePromDuration,
  type GraphRequestError,
  type ParsedGraphRequest,
} from './parseGraphRequest';
export { finishQuery, namespaceQueries, nodeQueries } from './promQueries';
export type { PromQueryFn, PromQueryResult, PromSample } from './promVector';
export { sha256Hex } from './sha256';
export type { NamespaceInventory } from './addIdleNodes';
