/** The proxy bootstrap: node identity with Istio metadata, static listeners and static clusters. */
import type { JsonObject } from '@meshlens/configdump';
import type { DemoMesh, DemoPod, DemoService } from '../model';
import { TYPE, socketAddress } from './shared';

/** The Istio release the demo pretends to run, and the Envoy it ships. */
export const ISTIO_VERSION = '1.24.2';
export const ENVOY_VERSION = { major_number: 1, minor_number: 32, patch: 3 };
/** A made-up 40-hex-digit istio/proxy commit (no real build is implied). */
export const ISTIO_PROXY_SHA = '5f0c2b8e4d1a9c3b7e6f8a2d4c1b9e7f3a5d6c8b';

const pipe = (path: string): JsonObject => ({ pipe: { path } });
const HTTP2: JsonObject = {
  'envoy.extensions.upstreams.http.v3.HttpProtocolOptions': {
    '@type': TYPE.httpProtocolOptions,
    explicit_http_config: { http2_protocol_options: {} },
  },
};

/** The bootstrap's STATIC clusters and their one host each: Envoy admin, the agent, SDS and xDS. */
const STATIC_HOSTS: { name: string; address: JsonObject; http2?: boolean }[] = [
  { name: 'prometheus_stats', address: socketAddress('127.0.0.1', 15000) },
  { name: 'agent', address: socketAddress('127.0.0.1', 15020) },
  { name: 'sds-grpc', address: pipe('./var/run/secrets/workload-spiffe-uds/socket'), http2: true },
  { name: 'xds-grpc', address: pipe('./etc/istio/proxy/XDS'), http2: true },
];

const XDS_LIMITS = { max_connections: 100000, max_pending_requests: 100000, max_requests: 100000 };

/** The bootstrap's static clusters (keys in Envoy's field-number order). */
export function staticClusters(): JsonObject[] {
  const clusters: JsonObject[] = STATIC_HOSTS.map(({ name, address, http2 }) => {
    const c: JsonObject = {
      '@type': TYPE.cluster,
      name,
      type: 'STATIC',
      connect_timeout: '0.250s',
    };
    if (name === 'xds-grpc') {
      c.max_requests_per_connection = 1;
      c.circuit_breakers = { thresholds: [XDS_LIMITS, { priority: 'HIGH', ...XDS_LIMITS }] };
    }
    c.load_assignment = {
      cluster_name: name,
      endpoints: [{ lb_endpoints: [{ endpoint: { address } }] }],
    };
    if (http2) c.typed_extension_protocol_options = HTTP2;
    return c;
  });
  clusters.push({
    '@type': TYPE.cluster,
    name: 'zipkin',
    type: 'STRICT_DNS',
    connect_timeout: '1s',
    dns_refresh_rate: '30s',
    dns_lookup_family: 'V4_ONLY',
    load_assignment: {
      cluster_name: 'zipkin',
      endpoints: [
        { lb_endpoints: [{ endpoint: { address: socketAddress('zipkin.istio-system', 9411) } }] },
      ],
    },
    respect_dns_ttl: true,
  });
  return clusters;
}

/**
 * Envoy's EndpointsConfigDump lists STATIC clusters' hosts as static endpoint configs. (zipkin is
 * STRICT_DNS: no Zipkin runs in the demo, so DNS resolves nothing and it has no hosts.)
 */
export function staticEndpointConfigs(): JsonObject[] {
  return STATIC_HOSTS.map(({ name, address }) => ({
    endpoint_config: {
      '@type': TYPE.clusterLoadAssignment,
      cluster_name: name,
      endpoints: [
        {
          locality: {},
          lb_endpoints: [
            {
              endpoint: { address, health_check_config: {} },
              health_status: 'HEALTHY',
              load_balancing_weight: 1,
            },
          ],
          load_balancing_weight: 0,
        },
      ],
      policy: { overprovisioning_factor: 140 },
    },
  }));
}

const backendListener = (
  port: number,
  statPrefix: string,
  prefix: string,
  cluster: string,
): JsonObject => ({
  '@type': TYPE.listener,
  address: socketAddress('0.0.0.0', port),
  filter_chains: [
    {
      filters: [
        {
          name: 'envoy.filters.network.http_connection_manager',
          typed_config: {
            '@type': TYPE.hcm,
            stat_prefix: statPrefix,
            route_config: {
              virtual_hosts: [
                {
                  name: 'backend',
                  domains: ['*'],
                  routes: [{ match: { prefix }, route: { cluster } }],
                },
              ],
            },
            http_filters: [
              { name: 'envoy.filters.http.router', typed_config: { '@type': TYPE.router } },
            ],
          },
        },
      ],
    },
  ],
});

/** Prometheus scrape (15090) and readiness (15021) listeners. */
export function staticListeners(): JsonObject[] {
  return [
    backendListener(15090, 'stats', '/stats/prometheus', 'prometheus_stats'),
    backendListener(15021, 'agent', '/healthz/ready', 'agent'),
  ];
}

/** The `node` of a proxy: id `<type>~<ip>~<pod>.<ns>~<ns>.svc.cluster.local` and Istio's metadata. */
export function proxyNode(
  mesh: DemoMesh,
  pod: DemoPod,
  services: readonly DemoService[],
): JsonObject {
  const proxyType = pod.proxyType ?? 'sidecar';
  const app = pod.labels.app ?? pod.name;
  const version = pod.labels.version;
  const workload = pod.name.split('-').slice(0, -2).join('-');
  const labels: JsonObject = { ...pod.labels };
  if (proxyType === 'sidecar') labels['security.istio.io/tlsMode'] = 'istio';
  labels['service.istio.io/canonical-name'] = app;
  labels['service.istio.io/canonical-revision'] = version ?? 'latest';
  const containerPorts = [...new Set(services.flatMap((s) => s.ports.map((p) => p.targetPort)))];
  return {
    id: `${proxyType}~${pod.ip}~${pod.name}.${pod.namespace}~${pod.namespace}.svc.cluster.local`,
    cluster: `${app}.${pod.namespace}`,
    metadata: {
      ANNOTATIONS: {
        'istio.io/rev': 'default',
        'kubectl.kubernetes.io/default-container': proxyType === 'sidecar' ? app : 'istio-proxy',
        'prometheus.io/path': '/stats/prometheus',
        'prometheus.io/port': '15020',
        'prometheus.io/scrape': 'true',
      },
      ...(proxyType === 'sidecar' ? { APP_CONTAINERS: app } : {}),
      CLUSTER_ID: mesh.clusterId,
      ENVOY_PROMETHEUS_PORT: 15090,
      ENVOY_STATUS_PORT: 15021,
      INSTANCE_IPS: pod.ip,
      INTERCEPTION_MODE: 'REDIRECT',
      ISTIO_PROXY_SHA,
      ISTIO_VERSION,
      LABELS: labels,
      MESH_ID: mesh.meshId,
      NAME: pod.name,
      NAMESPACE: pod.namespace,
      NODE_NAME: pod.nodeName,
      OWNER: `kubernetes://apis/apps/v1/namespaces/${pod.namespace}/deployments/${workload}`,
      PILOT_SAN: ['istiod.istio-system.svc'],
      POD_PORTS: JSON.stringify(containerPorts.map((p) => ({ containerPort: p, protocol: 'TCP' }))),
      PROXY_CONFIG: {
        binaryPath: '/usr/local/bin/envoy',
        concurrency: 2,
        configPath: './etc/istio/proxy',
        discoveryAddress: 'istiod.istio-system.svc:15012',
        drainDuration: '45s',
        proxyAdminPort: 15000,
        serviceCluster: 'istio-proxy',
        statNameLength: 189,
        statusPort: 15020,
        terminationDrainDuration: '5s',
        tracing: { zipkin: { address: 'zipkin.istio-system:9411' } },
      },
      SERVICE_ACCOUNT: pod.serviceAccount,
      WORKLOAD_NAME: workload,
    },
    locality: { region: pod.locality.region, zone: pod.locality.zone },
    user_agent_name: 'envoy',
    user_agent_build_version: {
      version: ENVOY_VERSION,
      metadata: {
        'build.type': 'RELEASE',
        'revision.sha': ISTIO_PROXY_SHA,
        'revision.status': 'Clean',
        'ssl.version': 'BoringSSL',
      },
    },
  };
}

/** The `BootstrapConfigDump` section. */
export function bootstrapSection(node: JsonObject, lastUpdated: string): JsonObject {
  return {
    '@type': TYPE.bootstrapDump,
    bootstrap: {
      node,
      static_resources: { listeners: staticListeners(), clusters: staticClusters() },
      dynamic_resources: {
        lds_config: { ads: {}, initial_fetch_timeout: '0s', resource_api_version: 'V3' },
        cds_config: { ads: {}, initial_fetch_timeout: '0s', resource_api_version: 'V3' },
        ads_config: {
          api_type: 'GRPC',
          set_node_on_first_message_only: true,
          transport_api_version: 'V3',
          grpc_services: [{ envoy_grpc: { cluster_name: 'xds-grpc' } }],
        },
      },
      cluster_manager: { outlier_detection: { event_log_path: '/dev/stdout' } },
      admin: {
        address: socketAddress('127.0.0.1', 15000),
        profile_path: '/var/lib/istio/data/envoy.prof',
      },
      stats_config: {
        use_all_default_tags: false,
        stats_tags: [
          {
            tag_name: 'cluster_name',
            regex: '^cluster\\.((.+?(\\..+?\\.svc\\.cluster\\.local)?)\\.)',
          },
          { tag_name: 'response_code', regex: '_rq(_(\\d{3}))$' },
        ],
      },
      layered_runtime: {
        layers: [
          {
            name: 'global config',
            static_layer: {
              'envoy.deprecated_features:envoy.config.listener.v3.Listener.hidden_envoy_deprecated_use_original_dst':
                'true',
              'overload.global_downstream_max_connections': '2147483647',
              're2.max_program_size.error_level': '32768',
            },
          },
          { name: 'admin', admin_layer: {} },
        ],
      },
    },
    last_updated: lastUpdated,
  };
}
