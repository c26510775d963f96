/** LDS for a sidecar's inbound side: virtualInbound (15006) with filter chains per service port. */
import type { JsonObject } from '@meshlens/configdump';
import type { DemoService, DemoServicePort } from '../model';
import { isHttpProtocol } from '../serviceSpec';
import { inboundHcm } from './httpConnectionManager';
import {
  DOWNSTREAM_ISTIO_MUTUAL,
  ISTIO_STATS_NETWORK,
  MAX_STREAM_DURATION,
  METADATA_EXCHANGE_NETWORK,
  TYPE,
  clusterName,
  socketAddress,
  tcpProxy,
} from './shared';

const ISTIO_AUTHN: JsonObject = {
  name: 'istio_authn',
  typed_config: {
    '@type': 'type.googleapis.com/udpa.type.v1.TypedStruct',
    type_url: 'type.googleapis.com/io.istio.network.authn.Config',
  },
};
const ANY_IPV4 = [{ address_prefix: '0.0.0.0', prefix_len: 0 }];
const MTLS_HTTP_ALPNS = ['istio-http/1.0', 'istio-http/1.1', 'istio-h2'];
const MTLS_PORT_ALPNS = [
  'istio',
  'istio-peer-exchange',
  'istio-http/1.0',
  'istio-http/1.1',
  'istio-h2',
];

/** An inline inbound route configuration: everything to one cluster. */
export function inboundRouteConfig(
  name: string,
  vhostName: string,
  cluster: string,
  operation: string,
): JsonObject {
  return {
    name,
    virtual_hosts: [
      {
        name: vhostName,
        domains: ['*'],
        routes: [
          {
            match: { prefix: '/' },
            route: { cluster, timeout: '0s', max_stream_duration: MAX_STREAM_DURATION },
            decorator: { operation },
            name: 'default',
          },
        ],
      },
    ],
    validate_clusters: false,
  };
}

/** The two chains (mTLS and plaintext, i.e. PERMISSIVE) of one inbound service port. */
function portChains(
  service: DemoService,
  port: DemoServicePort,
  routeConfigs: JsonObject[],
): JsonObject[] {
  const target = port.targetPort;
  const cluster = clusterName('inbound', target, '', '');
  let filters: JsonObject[];
  if (isHttpProtocol(port.protocol)) {
    const rc = inboundRouteConfig(
      cluster,
      `inbound|http|${port.port}`,
      cluster,
      `${service.hostname}:${port.port}/*`,
    );
    routeConfigs.push(rc);
    filters = [ISTIO_AUTHN, METADATA_EXCHANGE_NETWORK, inboundHcm(`inbound_0.0.0.0_${target}`, rc)];
  } else {
    filters = [ISTIO_AUTHN, METADATA_EXCHANGE_NETWORK, ISTIO_STATS_NETWORK, tcpProxy(cluster)];
  }
  return [
    {
      filter_chain_match: {
        destination_port: target,
        transport_protocol: 'tls',
        application_protocols: MTLS_PORT_ALPNS,
      },
      filters,
      transport_socket: DOWNSTREAM_ISTIO_MUTUAL,
      name: `0.0.0.0_${target}`,
    },
    {
      filter_chain_match: { destination_port: target, transport_protocol: 'raw_buffer' },
      filters,
      name: `0.0.0.0_${target}`,
    },
  ];
}

/** The catch-all chains for ports no Service declares (InboundPassthroughCluster). */
function passthroughChains(routeConfigs: JsonObject[]): JsonObject[] {
  const rc = inboundRouteConfig(
    'InboundPassthroughCluster',
    'inbound|http|0',
    'InboundPassthroughCluster',
    ':0/*',
  );
  routeConfigs.push(rc);
  const httpFilters = [
    ISTIO_AUTHN,
    METADATA_EXCHANGE_NETWORK,
    inboundHcm('InboundPassthroughCluster', rc),
  ];
  const tcpFilters = [
    ISTIO_AUTHN,
    METADATA_EXCHANGE_NETWORK,
    ISTIO_STATS_NETWORK,
    tcpProxy('InboundPassthroughCluster'),
  ];
  return [
    {
      filter_chain_match: {
        prefix_ranges: ANY_IPV4,
        transport_protocol: 'tls',
        application_protocols: MTLS_HTTP_ALPNS,
      },
      filters: httpFilters,
      transport_socket: DOWNSTREAM_ISTIO_MUTUAL,
      name: 'virtualInbound-catchall-http',
    },
    {
      filter_chain_match: {
        prefix_ranges: ANY_IPV4,
        transport_protocol: 'raw_buffer',
        application_protocols: ['http/1.1', 'h2c'],
      },
      filters: httpFilters,
      name: 'virtualInbound-catchall-http',
    },
    {
      filter_chain_match: {
        prefix_ranges: ANY_IPV4,
        transport_protocol: 'tls',
        application_protocols: ['istio-peer-exchange', 'istio'],
      },
      filters: tcpFilters,
      transport_socket: DOWNSTREAM_ISTIO_MUTUAL,
      name: 'virtualInbound',
    },
    {
      filter_chain_match: { prefix_ranges: ANY_IPV4, transport_protocol: 'raw_buffer' },
      filters: tcpFilters,
      name: 'virtualInbound',
    },
    {
      // TLS the app terminates itself: passed through untouched.
      filter_chain_match: { prefix_ranges: ANY_IPV4, transport_protocol: 'tls' },
      filters: tcpFilters,
      name: 'virtualInbound',
    },
  ];
}

/** The inbound ports of a pod: each distinct target port of the services that select it. */
export function inboundPorts(
  services: readonly DemoService[],
): { service: DemoService; port: DemoServicePort }[] {
  const seen = new Set<number>();
  const out: { service: DemoService; port: DemoServicePort }[] = [];
  for (const service of services) {
    for (const port of service.ports) {
      if (seen.has(port.targetPort)) continue;
      seen.add(port.targetPort);
      out.push({ service, port });
    }
  }
  return out.sort((a, b) => a.port.targetPort - b.port.targetPort);
}

/**
 * virtualInbound for a pod backing `services`, and the route configurations embedded in it
 * (each once, though the mTLS and plaintext chains of a port share one).
 */
export function virtualInboundListener(services: readonly DemoService[]): {
  listener: JsonObject;
  inlineRouteConfigs: JsonObject[];
} {
  const inlineRouteConfigs: JsonObject[] = [];
  const chains: JsonObject[] = [
    {
      // Traffic addressed to 15006 itself would loop: drop it.
      filter_chain_match: { destination_port: 15006 },
      filters: [METADATA_EXCHANGE_NETWORK, ISTIO_STATS_NETWORK, tcpProxy('BlackHoleCluster')],
      name: 'virtualInbound-blackhole',
    },
    ...passthroughChains(inlineRouteConfigs),
  ];
  for (const { service, port } of inboundPorts(services)) {
    chains.push(...portChains(service, port, inlineRouteConfigs));
  }
  const listener: JsonObject = {
    '@type': TYPE.listener,
    name: 'virtualInbound',
    address: socketAddress('0.0.0.0', 15006),
    filter_chains: chains,
    listener_filters: [
      {
        name: 'envoy.filters.listener.original_dst',
        typed_config: {
          '@type':
            'type.googleapis.com/envoy.extensions.filters.listener.original_dst.v3.OriginalDst',
        },
      },
      {
        name: 'envoy.filters.listener.tls_inspector',
        typed_config: {
          '@type':
            'type.googleapis.com/envoy.extensions.filters.listener.tls_inspector.v3.TlsInspector',
        },
        filter_disabled: { destination_port_range: { start: 15006, end: 15007 } },
      },
      {
        name: 'envoy.filters.listener.http_inspector',
        typed_config: {
          '@type':
            'type.googleapis.com/envoy.extensions.filters.listener.http_inspector.v3.HttpInspector',
        },
        filter_disabled: { destination_port_range: { start: 15006, end: 15007 } },
      },
    ],
    listener_filters_timeout: '0s',
    traffic_direction: 'INBOUND',
    continue_on_listener_filters_timeout: true,
  };
  return { listener, inlineRouteConfigs };
}
