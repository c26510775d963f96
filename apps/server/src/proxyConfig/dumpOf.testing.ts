// Test helper: a model from a few inline Envoy admin sections, through the real parser.
import { parseConfigDump, type ConfigDump } from '@meshlens/configdump';

/** Parses `{ configs }` and fails loudly if the parser rejects the test input. */
export function dumpOf(...configs: object[]): ConfigDump {
  const r = parseConfigDump(JSON.stringify({ configs }));
  if (!r.ok) throw new Error(`test dump rejected: ${r.error.message}`);
  return r.dump;
}

const V3 = 'type.googleapis.com/envoy.admin.v3.';

/** A ClustersConfigDump with the given dynamic active clusters. */
export function clustersSection(...clusters: object[]): object {
  return {
    '@type': `${V3}ClustersConfigDump`,
    dynamic_active_clusters: clusters.map((cluster) => ({
      cluster: { '@type': 'type.googleapis.com/envoy.config.cluster.v3.Cluster', ...cluster },
    })),
  };
}

/** A ListenersConfigDump with the given dynamic active listeners. */
export function listenersSection(...listeners: object[]): object {
  return {
    '@type': `${V3}ListenersConfigDump`,
    dynamic_listeners: listeners.map((listener) => ({
      name: (listener as { name?: string }).name,
      active_state: {
        listener: { '@type': 'type.googleapis.com/envoy.config.listener.v3.Listener', ...listener },
      },
    })),
  };
}

/** A RoutesConfigDump with the given dynamic route configurations. */
export function routesSection(...routeConfigs: object[]): object {
  return {
    '@type': `${V3}RoutesConfigDump`,
    dynamic_route_configs: routeConfigs.map((rc) => ({
      route_config: {
        '@type': 'type.googleapis.com/envoy.config.route.v3.RouteConfiguration',
        ...rc,
      },
    })),
  };
}

/** An HTTP connection manager filter with RDS or an inline route config. */
export function hcm(routes: { rds: string } | { inline: object }): object {
  const cfg =
    'rds' in routes ? { rds: { route_config_name: routes.rds } } : { route_config: routes.inline };
  return {
    name: 'envoy.filters.network.http_connection_manager',
    typed_config: {
      '@type':
        'type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager',
      stat_prefix: 'x',
      ...cfg,
    },
  };
}

/** A TCP proxy filter to `cluster`. */
export function tcpProxy(cluster: string): object {
  return {
    name: 'envoy.filters.network.tcp_proxy',
    typed_config: {
      '@type': 'type.googleapis.com/envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy',
      stat_prefix: cluster,
      cluster,
    },
  };
}
