export { ProxyGraphPanel } from './ProxyGraphPanel';
export type { ProxyGraphPanelProps } from './ProxyGraphPanel';
export type { GraphLevel, GraphViewState } from './graphViewState';
export {
  decodeGraphViewState,
  defaultGraphViewState,
  encodeGraphViewState,
  graphLevels,
} from './graphViewState';
