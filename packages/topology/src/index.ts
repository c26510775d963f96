export * from './traffic/index';
export * from './config/index';
export {
  compareConfigTraffic,
  type ConfigTrafficComparison,
  type UnexplainedTraffic,
} from './compare/compareConfigTraffic';
export type { ConfigTopologyAnswer, TopologyStatus } from './topologyApi';
