export type { GraphNodeRef } from './nodeId';
export { nodeIdFor } from './nodeId';
export type * from './graphTypes';
export { columnOf } from './graphTypes';
export { buildProxyGraph, defaultAggregateThreshold } from './buildProxyGraph';
export { searchGraph } from './searchGraph';
export { formatAddress } from './formatAddress';
export { listenerKey } from './listenerKey';
export { describeChainMatch } from './describeChainMatch';
export {
  describePathMatch,
  describeRedirect,
  describeRouteMatch,
  terminalLabel,
} from './describeRoute';
export { inlineRouteConfigName } from './collectRouteConfigs';
export { resolveNodeObject, type NodeObject } from './resolveNodeObject';
