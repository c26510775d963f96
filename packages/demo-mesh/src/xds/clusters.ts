/** CDS resources: outbound (EDS) clusters, inbound clusters and Istio's fixed clusters. */
import type { JsonObject } from '@meshlens/configdump';
import type { DemoService, DemoServicePort, DemoTrafficPolicy } from '../model';
import type { OutboundClusterPlan } from './outboundPlan';
import {
  ADS_CONFIG_SOURCE,
  DEFAULT_CIRCUIT_BREAKERS,
  METADATA_EXCHANGE_NETWORK,
  RAW_BUFFER_SOCKET,
  TYPE,
  clusterName,
  upstreamIstioMutual,
} from './shared';

const HTTP2_OPTIONS: JsonObject = {
  'envoy.extensions.upstreams.http.v3.HttpProtocolOptions': {
    '@type': TYPE.httpProtocolOptions,
    explicit_http_config: { http2_protocol_options: {} },
  },
};
const DOWNSTREAM_PROTOCOL_OPTIONS: JsonObject = {
  'envoy.extensions.upstreams.http.v3.HttpProtocolOptions': {
    '@type': TYPE.httpProtocolOptions,
    common_http_protocol_options: { idle_timeout: '3600s' },
    use_downstream_protocol_config: { http_protocol_options: {}, http2_protocol_options: {} },
  },
};
const INBOUND_BIND: JsonObject = { source_address: { address: '127.0.0.6', port_value: 0 } };
const TLS_MODE_DISABLED: JsonObject = {
  name: 'tlsMode-disabled',
  match: {},
  transport_socket: RAW_BUFFER_SOCKET,
};

const serviceRef = (s: DemoService): JsonObject => ({
  host: s.hostname,
  name: s.name,
  namespace: s.namespace,
});

/** The SPIFFE identities of a service's pods (what the client verifies with auto mTLS). */
function serviceSans(service: DemoService, trustDomain: string): string[] {
  const accounts = [...new Set(service.pods.map((p) => p.serviceAccount))].sort();
  return accounts.map((sa) => `spiffe://${trustDomain}/ns/${service.namespace}/sa/${sa}`);
}

const UNLIMITED = 4294967295;

/** DestinationRule connection pool limits as Envoy circuit breaker thresholds (unset = Istio's unlimited). */
function circuitBreakers(policy: DemoTrafficPolicy): JsonObject {
  const pool = policy.connectionPool;
  return {
    thresholds: [
      {
        max_connections: pool?.tcp?.maxConnections ?? UNLIMITED,
        max_pending_requests: pool?.http?.http1MaxPendingRequests ?? UNLIMITED,
        max_requests: pool?.http?.http2MaxRequests ?? UNLIMITED,
        max_retries: pool?.http?.maxRetries ?? UNLIMITED,
        track_remaining: true,
      },
    ],
  };
}

/** An outbound EDS cluster with Istio auto-mTLS (`tlsMode-istio` / `tlsMode-disabled` socket matches). */
export function outboundCluster(plan: OutboundClusterPlan, trustDomain: string): JsonObject {
  const { service, port, subset } = plan;
  const istio: JsonObject = {};
  if (plan.destinationRulePath) istio.config = plan.destinationRulePath;
  istio.default_original_port = port.port;
  istio.services = [serviceRef(service)];
  if (subset) istio.subset = subset;
  const sni = `outbound_.${port.port}_.${subset || '_'}_.${service.hostname}`;
  // Key order follows Envoy's JSON printer: protobuf field-number order.
  const cluster: JsonObject = {
    '@type': TYPE.cluster,
    name: plan.name,
    type: 'EDS',
    eds_cluster_config: { eds_config: ADS_CONFIG_SOURCE, service_name: plan.name },
    connect_timeout: '10s',
    lb_policy: 'LEAST_REQUEST',
    circuit_breakers: plan.trafficPolicy
      ? circuitBreakers(plan.trafficPolicy)
      : DEFAULT_CIRCUIT_BREAKERS,
  };
  const outlier = plan.trafficPolicy?.outlierDetection;
  if (outlier) {
    // Istio enforces only consecutive 5xx and disables success-rate ejection.
    cluster.outlier_detection = {
      consecutive_5xx: outlier.consecutive5xxErrors,
      interval: outlier.interval,
      base_ejection_time: outlier.baseEjectionTime,
      max_ejection_percent: outlier.maxEjectionPercent ?? 10,
      enforcing_consecutive_5xx: 100,
      enforcing_success_rate: 0,
    };
  }
  cluster.metadata = { filter_metadata: { istio } };
  cluster.common_lb_config = { locality_weighted_lb_config: {} };
  if (port.protocol === 'HTTP2' || port.protocol === 'GRPC') {
    cluster.typed_extension_protocol_options = HTTP2_OPTIONS;
  }
  cluster.filters = [METADATA_EXCHANGE_NETWORK];
  cluster.transport_socket_matches = [
    {
      name: 'tlsMode-istio',
      match: { tlsMode: 'istio' },
      transport_socket: upstreamIstioMutual(sni, serviceSans(service, trustDomain)),
    },
    TLS_MODE_DISABLED,
  ];
  return cluster;
}

/** `inbound|<targetPort>||`: an ORIGINAL_DST cluster to the app, bound to 127.0.0.6. */
export function inboundCluster(service: DemoService, port: DemoServicePort): JsonObject {
  return {
    '@type': TYPE.cluster,
    name: clusterName('inbound', port.targetPort, '', ''),
    type: 'ORIGINAL_DST',
    connect_timeout: '10s',
    lb_policy: 'CLUSTER_PROVIDED',
    circuit_breakers: DEFAULT_CIRCUIT_BREAKERS,
    cleanup_interval: '60s',
    upstream_bind_config: INBOUND_BIND,
    metadata: { filter_metadata: { istio: { services: [serviceRef(service)] } } },
  };
}

/** BlackHoleCluster: a STATIC cluster without hosts, where "REGISTRY_ONLY" traffic goes to die. */
export const BLACK_HOLE_CLUSTER: JsonObject = {
  '@type': TYPE.cluster,
  name: 'BlackHoleCluster',
  type: 'STATIC',
  connect_timeout: '10s',
};

/** PassthroughCluster: "ALLOW_ANY" outbound traffic to the original destination. */
export const PASSTHROUGH_CLUSTER: JsonObject = {
  '@type': TYPE.cluster,
  name: 'PassthroughCluster',
  type: 'ORIGINAL_DST',
  connect_timeout: '10s',
  lb_policy: 'CLUSTER_PROVIDED',
  circuit_breakers: DEFAULT_CIRCUIT_BREAKERS,
  typed_extension_protocol_options: DOWNSTREAM_PROTOCOL_OPTIONS,
  filters: [METADATA_EXCHANGE_NETWORK],
};

/** InboundPassthroughCluster: inbound traffic to ports no Service declares. */
export const INBOUND_PASSTHROUGH_CLUSTER: JsonObject = {
  '@type': TYPE.cluster,
  name: 'InboundPassthroughCluster',
  type: 'ORIGINAL_DST',
  connect_timeout: '10s',
  lb_policy: 'CLUSTER_PROVIDED',
  circuit_breakers: DEFAULT_CIRCUIT_BREAKERS,
  upstream_bind_config: INBOUND_BIND,
  typed_extension_protocol_options: DOWNSTREAM_PROTOCOL_OPTIONS,
  filters: [METADATA_EXCHANGE_NETWORK],
};
