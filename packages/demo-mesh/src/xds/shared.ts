/**
 * Building blocks shared by every generated xDS resource. Constant sub-objects are shared by
 * reference between resources (JSON output is unaffected) so a 5000-service dump stays small in memory.
 */
import type { JsonObject } from '@meshlens/configdump';

/** `@type` URLs, exactly as Envoy 1.3x prints them. */
export const TYPE = {
  bootstrapDump: 'type.googleapis.com/envoy.admin.v3.BootstrapConfigDump',
  clustersDump: 'type.googleapis.com/envoy.admin.v3.ClustersConfigDump',
  endpointsDump: 'type.googleapis.com/envoy.admin.v3.EndpointsConfigDump',
  listenersDump: 'type.googleapis.com/envoy.admin.v3.ListenersConfigDump',
  scopedRoutesDump: 'type.googleapis.com/envoy.admin.v3.ScopedRoutesConfigDump',
  routesDump: 'type.googleapis.com/envoy.admin.v3.RoutesConfigDump',
  secretsDump: 'type.googleapis.com/envoy.admin.v3.SecretsConfigDump',
  cluster: 'type.googleapis.com/envoy.config.cluster.v3.Cluster',
  listener: 'type.googleapis.com/envoy.config.listener.v3.Listener',
  routeConfiguration: 'type.googleapis.com/envoy.config.route.v3.RouteConfiguration',
  clusterLoadAssignment: 'type.googleapis.com/envoy.config.endpoint.v3.ClusterLoadAssignment',
  secret: 'type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.Secret',
  hcm: 'type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager',
  tcpProxy: 'type.googleapis.com/envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy',
  upstreamTls: 'type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext',
  downstreamTls:
    'type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext',
  rawBuffer: 'type.googleapis.com/envoy.extensions.transport_sockets.raw_buffer.v3.RawBuffer',
  httpProtocolOptions: 'type.googleapis.com/envoy.extensions.upstreams.http.v3.HttpProtocolOptions',
  router: 'type.googleapis.com/envoy.extensions.filters.http.router.v3.Router',
} as const;

/** Istio's cluster name: `outbound|9080|v1|reviews.bookinfo.svc.cluster.local`. */
export function clusterName(
  direction: 'outbound' | 'inbound',
  port: number,
  subset: string,
  host: string,
): string {
  return `${direction}|${port}|${subset}|${host}`;
}

/** The Istio config path in `filter_metadata.istio.config`. */
export function istioConfigPath(
  kind: 'virtual-service' | 'destination-rule',
  namespace: string,
  name: string,
): string {
  return `/apis/networking.istio.io/v1/namespaces/${namespace}/${kind}/${name}`;
}

/** `{ socket_address: { address, port_value } }`. */
export function socketAddress(address: string, port: number): JsonObject {
  return { socket_address: { address, port_value: port } };
}

/** xDS over the ADS stream, as Istio configures every dynamic resource. */
export const ADS_CONFIG_SOURCE: JsonObject = {
  ads: {},
  initial_fetch_timeout: '0s',
  resource_api_version: 'V3',
};

const SDS_CONFIG: JsonObject = {
  api_config_source: {
    api_type: 'GRPC',
    grpc_services: [{ envoy_grpc: { cluster_name: 'sds-grpc' } }],
    set_node_on_first_message_only: true,
    transport_api_version: 'V3',
  },
  initial_fetch_timeout: '0s',
  resource_api_version: 'V3',
};

/** An SDS reference to the node agent's secret `name` (`default` or `ROOTCA`). */
export const sdsSecret = (name: 'default' | 'ROOTCA'): JsonObject => ({
  name,
  sds_config: SDS_CONFIG,
});
const SDS_DEFAULT = sdsSecret('default');
const SDS_ROOTCA = sdsSecret('ROOTCA');

/** Istio's "unlimited" circuit breakers (2^32-1), with remaining-budget tracking. */
export const DEFAULT_CIRCUIT_BREAKERS: JsonObject = {
  thresholds: [
    {
      max_connections: 4294967295,
      max_pending_requests: 4294967295,
      max_requests: 4294967295,
      max_retries: 4294967295,
      track_remaining: true,
    },
  ],
};

const TLS_PARAMS: JsonObject = {
  tls_minimum_protocol_version: 'TLSv1_2',
  tls_maximum_protocol_version: 'TLSv1_3',
};

/** Client side of Istio mutual TLS: our cert, the mesh root, and the SANs the server must present. */
export function upstreamIstioMutual(sni: string, sans: readonly string[]): JsonObject {
  return {
    name: 'envoy.transport_sockets.tls',
    typed_config: {
      '@type': TYPE.upstreamTls,
      common_tls_context: {
        tls_params: TLS_PARAMS,
        alpn_protocols: ['istio-peer-exchange', 'istio'],
        tls_certificate_sds_secret_configs: [SDS_DEFAULT],
        combined_validation_context: {
          default_validation_context: {
            match_subject_alt_names: sans.map((exact) => ({ exact })),
          },
          validation_context_sds_secret_config: SDS_ROOTCA,
        },
      },
      sni,
    },
  };
}

/** Server side of Istio mutual TLS (inbound filter chains): any SPIFFE identity of the trust domain. */
export const DOWNSTREAM_ISTIO_MUTUAL: JsonObject = {
  name: 'envoy.transport_sockets.tls',
  typed_config: {
    '@type': TYPE.downstreamTls,
    common_tls_context: {
      tls_params: {
        ...TLS_PARAMS,
        cipher_suites: [
          'ECDHE-ECDSA-AES256-GCM-SHA384',
          'ECDHE-RSA-AES256-GCM-SHA384',
          'ECDHE-ECDSA-AES128-GCM-SHA256',
          'ECDHE-RSA-AES128-GCM-SHA256',
          'AES256-GCM-SHA384',
          'AES128-GCM-SHA256',
        ],
      },
      alpn_protocols: ['h2', 'http/1.1'],
      tls_certificate_sds_secret_configs: [SDS_DEFAULT],
      combined_validation_context: {
        default_validation_context: {
          match_subject_alt_names: [{ prefix: 'spiffe://cluster.local/' }],
        },
        validation_context_sds_secret_config: SDS_ROOTCA,
      },
    },
    require_client_certificate: true,
  },
};

/** Plaintext transport socket. */
export const RAW_BUFFER_SOCKET: JsonObject = {
  name: 'envoy.transport_sockets.raw_buffer',
  typed_config: { '@type': TYPE.rawBuffer },
};

/** Istio's peer metadata exchange network filter (on clusters and inbound chains). */
export const METADATA_EXCHANGE_NETWORK: JsonObject = {
  name: 'istio.metadata_exchange',
  typed_config: {
    '@type': 'type.googleapis.com/envoy.tcp.metadataexchange.config.MetadataExchange',
    protocol: 'istio-peer-exchange',
  },
};

/** Istio's telemetry network filter in front of every TCP proxy. */
export const ISTIO_STATS_NETWORK: JsonObject = {
  name: 'istio.stats',
  typed_config: { '@type': 'type.googleapis.com/stats.PluginConfig' },
};

/** A TCP proxy network filter to `cluster`. */
export function tcpProxy(cluster: string, statPrefix = cluster): JsonObject {
  return {
    name: 'envoy.filters.network.tcp_proxy',
    typed_config: { '@type': TYPE.tcpProxy, stat_prefix: statPrefix, cluster },
  };
}

/** `max_stream_duration` Istio sets on every route action. */
export const MAX_STREAM_DURATION: JsonObject = {
  max_stream_duration: '0s',
  grpc_timeout_header_max: '0s',
};

/** Istio's default retry policy (when no VirtualService sets `retries`). */
export const DEFAULT_RETRY_POLICY: JsonObject = {
  retry_on: 'connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes',
  num_retries: 2,
  retry_host_predicate: [
    {
      name: 'envoy.retry_host_predicates.previous_hosts',
      typed_config: {
        '@type':
          'type.googleapis.com/envoy.extensions.retry.host.previous_hosts.v3.PreviousHostsPredicate',
      },
    },
  ],
  host_selection_retry_max_attempts: '5',
  retriable_status_codes: [503],
};

/** Timestamps of the generated resources, derived from the mesh's `now`. */
export interface Stamps {
  /** `version_info` of xDS resources: `<push time>/<push count>`, as istiod writes it. */
  version: string;
  /** `last_updated` of xDS resources. */
  lastUpdated: string;
  /** `last_updated` of the bootstrap (proxy start). */
  bootstrapUpdated: string;
}

/** Proxy started 1 hour ago (when its certificate was issued); last push 42 seconds ago. */
export function stampsFor(nowIso: string): Stamps {
  const now = Date.parse(nowIso);
  const push = new Date(now - 42_000);
  return {
    version: `${push.toISOString().replace(/\.\d{3}Z$/, 'Z')}/23`,
    lastUpdated: new Date(now - 41_637).toISOString(),
    bootstrapUpdated: new Date(now - 3_600_000 + 2_318).toISOString(),
  };
}
