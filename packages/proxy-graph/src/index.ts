export type { GraphNodeRef } from './nodeId';
export { nodeIdFor } from './nodeId';
export type * from './graphTypes';
export { columnOf } from './graphTypes';
export { buildProxyGraph } from './buildProxyGraph';
export { searchGraph } from './searchGraph';
