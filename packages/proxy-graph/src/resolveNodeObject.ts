import type {
  Cluster,
  ClusterEndpoints,
  ConfigDump,
  Endpoint,
  FilterChain,
  Listener,
  Route,
  RouteConfig,
  Secret,
  VirtualHost,
} from '@meshlens/configdump';
import { collectRouteConfigs, listenerChains } from './collectRouteConfigs';
import { formatAddress } from './formatAddress';
import { listenersByKey } from './listenerKey';
import type { GraphNodeRef } from './nodeId';

/** The model object(s) behind a graph node, for the side panel. */
export type NodeObject =
  | { kind: 'listener'; listener: Listener }
  | { kind: 'filter_chain'; listener: Listener; chain: FilterChain }
  | { kind: 'route_config'; routeConfig: RouteConfig }
  | { kind: 'virtual_host'; routeConfig: RouteConfig; virtualHost: VirtualHost }
  | { kind: 'route'; routeConfig: RouteConfig; virtualHost: VirtualHost; route: Route }
  | { kind: 'cluster'; cluster: Cluster; endpoints?: ClusterEndpoints }
  | { kind: 'endpoint'; cluster: string; endpoint: Endpoint }
  | { kind: 'secret'; secret: Secret };

const routeConfigsByDump = new WeakMap<ConfigDump, Map<string, RouteConfig>>();

function routeConfigs(dump: ConfigDump): Map<string, RouteConfig> {
  let map = routeConfigsByDump.get(dump);
  if (!map) routeConfigsByDump.set(dump, (map = collectRouteConfigs(dump)));
  return map;
}

/** Finds the model object a node reference names (inline route configs included). */
export function resolveNodeObject(dump: ConfigDump, ref: GraphNodeRef): NodeObject | undefined {
  const idx = dump.index;
  switch (ref.kind) {
    case 'listener': {
      const listener = listenersByKey(dump).get(ref.name);
      return listener && { kind: 'listener', listener };
    }
    case 'filter_chain': {
      const listener = listenersByKey(dump).get(ref.listener);
      const chain = listener && listenerChains(listener).find((c) => c.index === ref.index);
      return listener && chain && { kind: 'filter_chain', listener, chain };
    }
    case 'route_config': {
      const routeConfig = routeConfigs(dump).get(ref.name);
      return routeConfig && { kind: 'route_config', routeConfig };
    }
    case 'virtual_host': {
      const routeConfig = routeConfigs(dump).get(ref.routeConfig);
      const virtualHost = routeConfig?.virtualHosts.find((v) => v.name === ref.name);
      return routeConfig && virtualHost && { kind: 'virtual_host', routeConfig, virtualHost };
    }
    case 'route': {
      const routeConfig = routeConfigs(dump).get(ref.routeConfig);
      const virtualHost = routeConfig?.virtualHosts.find((v) => v.name === ref.virtualHost);
      const route = virtualHost?.routes.find((r) => r.index === ref.index);
      return (
        routeConfig && virtualHost && route && { kind: 'route', routeConfig, virtualHost, route }
      );
    }
    case 'cluster':
    case 'endpoints': {
      const name = ref.kind === 'cluster' ? ref.name : ref.cluster;
      const cluster = idx.clusterByName.get(name);
      if (!cluster) return undefined;
      const endpoints =
        idx.endpointsByCluster.get(name) ??
        (cluster.edsServiceName !== undefined
          ? idx.endpointsByCluster.get(cluster.edsServiceName)
          : undefined);
      return endpoints ? { kind: 'cluster', cluster, endpoints } : { kind: 'cluster', cluster };
    }
    case 'endpoint': {
      const cluster = idx.clusterByName.get(ref.cluster);
      const eps =
        idx.endpointsByCluster.get(ref.cluster) ??
        (cluster?.edsServiceName !== undefined
          ? idx.endpointsByCluster.get(cluster.edsServiceName)
          : undefined);
      const endpoint = eps?.endpoints.find((e) => formatAddress(e.address) === ref.address);
      return endpoint && { kind: 'endpoint', cluster: ref.cluster, endpoint };
    }
    case 'secret': {
      const secret = idx.secretByName.get(ref.name);
      return secret && { kind: 'secret', secret };
    }
    default:
      return undefined;
  }
}
