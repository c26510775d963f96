/** The HTTP connection managers Istio puts on outbound, inbound and gateway listeners. */
import type { JsonObject } from '@meshlens/configdump';
import { ADS_CONFIG_SOURCE, TYPE } from './shared';

const filter = (name: string, typeUrl: string, extra: JsonObject = {}): JsonObject => ({
  name,
  typed_config: { '@type': typeUrl, ...extra },
});

const METADATA_EXCHANGE_HTTP = filter(
  'istio.metadata_exchange',
  'type.googleapis.com/envoy.extensions.filters.http.wasm.v3.Wasm',
  {
    config: {
      vm_config: {
        runtime: 'envoy.wasm.runtime.null',
        code: { local: { inline_string: 'envoy.wasm.metadata_exchange' } },
      },
      configuration: {
        '@type': 'type.googleapis.com/envoy.tcp.metadataexchange.config.MetadataExchange',
      },
    },
  },
);
const GRPC_STATS = filter(
  'envoy.filters.http.grpc_stats',
  'type.googleapis.com/envoy.extensions.filters.http.grpc_stats.v3.FilterConfig',
  { emit_filter_state: true, stats_for_all_methods: false },
);
const ALPN = filter(
  'istio.alpn',
  'type.googleapis.com/istio.envoy.config.filter.http.alpn.v2alpha1.FilterConfig',
  {
    alpn_override: [
      { alpn_override: ['istio-http/1.0', 'istio', 'http/1.0'] },
      { upstream_protocol: 'HTTP11', alpn_override: ['istio-http/1.1', 'istio', 'http/1.1'] },
      { upstream_protocol: 'HTTP2', alpn_override: ['istio-h2', 'istio', 'h2'] },
    ],
  },
);
const FAULT = filter(
  'envoy.filters.http.fault',
  'type.googleapis.com/envoy.extensions.filters.http.fault.v3.HTTPFault',
);
const CORS = filter(
  'envoy.filters.http.cors',
  'type.googleapis.com/envoy.extensions.filters.http.cors.v3.Cors',
);
const stats = (reporter: 'CLIENT' | 'SERVER' | 'GATEWAY'): JsonObject =>
  filter('istio.stats', 'type.googleapis.com/udpa.type.v1.TypedStruct', {
    type_url: 'type.googleapis.com/stats.PluginConfig',
    value:
      reporter === 'SERVER'
        ? {}
        : { reporter: reporter === 'GATEWAY' ? 'SERVER_GATEWAY' : 'CLIENT' },
  });
const ROUTER = filter('envoy.filters.http.router', TYPE.router);

const OUTBOUND_FILTERS = [
  METADATA_EXCHANGE_HTTP,
  GRPC_STATS,
  ALPN,
  FAULT,
  CORS,
  stats('CLIENT'),
  ROUTER,
];
const INBOUND_FILTERS = [METADATA_EXCHANGE_HTTP, GRPC_STATS, FAULT, CORS, stats('SERVER'), ROUTER];
const GATEWAY_FILTERS = [METADATA_EXCHANGE_HTTP, GRPC_STATS, FAULT, CORS, stats('GATEWAY'), ROUTER];

const COMMON: JsonObject = {
  upgrade_configs: [{ upgrade_type: 'websocket' }],
  stream_idle_timeout: '0s',
  normalize_path: true,
  request_id_extension: {
    typed_config: {
      '@type': 'type.googleapis.com/envoy.extensions.request_id.uuid.v3.UuidRequestIdConfig',
      use_request_id_for_trace_sampling: true,
    },
  },
  path_with_escaped_slashes_action: 'KEEP_UNCHANGED',
};

/** Tracing to the bootstrap's `zipkin` cluster, 1% sampling (Istio's default). */
const TRACING: JsonObject = {
  client_sampling: { value: 100 },
  random_sampling: { value: 1 },
  overall_sampling: { value: 100 },
  provider: {
    name: 'envoy.tracers.zipkin',
    typed_config: {
      '@type': 'type.googleapis.com/envoy.config.trace.v3.ZipkinConfig',
      collector_cluster: 'zipkin',
      collector_endpoint: '/api/v2/spans',
      trace_id_128bit: true,
      shared_span_context: false,
      collector_endpoint_version: 'HTTP_JSON',
    },
  },
};

const hcmFilter = (typedConfig: JsonObject): JsonObject => ({
  name: 'envoy.filters.network.http_connection_manager',
  typed_config: { '@type': TYPE.hcm, ...typedConfig },
});

const rds = (routeConfigName: string): JsonObject => ({
  config_source: ADS_CONFIG_SOURCE,
  route_config_name: routeConfigName,
});

/** Outbound sidecar HCM for `0.0.0.0_<port>`, routes from RDS `<port>`. */
export function outboundHcm(port: number): JsonObject {
  return hcmFilter({
    stat_prefix: `outbound_0.0.0.0_${port}`,
    rds: rds(String(port)),
    http_filters: OUTBOUND_FILTERS,
    tracing: TRACING,
    use_remote_address: false,
    ...COMMON,
  });
}

/** Inbound sidecar HCM with its route configuration inline (as istiod sends it). */
export function inboundHcm(statPrefix: string, routeConfig: JsonObject): JsonObject {
  return hcmFilter({
    stat_prefix: statPrefix,
    route_config: routeConfig,
    http_filters: INBOUND_FILTERS,
    tracing: TRACING,
    server_name: 'istio-envoy',
    use_remote_address: false,
    forward_client_cert_details: 'APPEND_FORWARD',
    set_current_client_cert_details: { subject: true, dns: true, uri: true },
    ...COMMON,
  });
}

/** Gateway HCM for `0.0.0.0_<port>`, routes from RDS `http.<port>`. */
export function gatewayHcm(port: number): JsonObject {
  return hcmFilter({
    stat_prefix: `outbound_0.0.0.0_${port}`,
    rds: rds(`http.${port}`),
    http_filters: GATEWAY_FILTERS,
    tracing: TRACING,
    server_name: 'istio-envoy',
    use_remote_address: true,
    forward_client_cert_details: 'SANITIZE_SET',
    set_current_client_cert_details: { subject: true, dns: true, uri: true },
    ...COMMON,
  });
}
