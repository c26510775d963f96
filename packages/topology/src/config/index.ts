export type {
  ConfigEdgeKind,
  ConfigGraph,
  ConfigGraphEdge,
  ConfigGraphNode,
  ConfigNamespaceSummary,
  ConfigNodeKind,
  ConfigSource,
} from './configGraph';
export { buildConfigTopology, type ConfigTopologyInput } from './buildConfigTopology';
export { configIds } from './configGraphBuilder';
export { egressHostAllows, hostMatches, labelsMatch, resolveHost } from './istioHost';
export {
  readIstioConfig,
  type DestinationRuleConfig,
  type GatewayConfig,
  type IstioConfigSet,
  type RouteDestination,
  type ServiceEntryConfig,
  type SidecarConfig,
  type VirtualServiceConfig,
  type VsRoute,
} from './readIstioConfig';
export {
  listedProxyWorkload,
  proxyWorkload,
  workloadOfPod,
  type ProxyWorkload,
} from './proxyWorkload';
export {
  summariseProxyDump,
  type ClusterTarget,
  type ProgrammedRoute,
  type ProxySummary,
} from './proxySummary';
