/** LDS for a sidecar's outbound side: virtualOutbound, `0.0.0.0_<port>` (HTTP) and `<ip>_<port>` (TCP). */
import type { JsonObject } from '@meshlens/configdump';
import type { DemoMesh } from '../model';
import { isHttpProtocol } from '../serviceSpec';
import { outboundHcm } from './httpConnectionManager';
import { ISTIO_STATS_NETWORK, TYPE, clusterName, socketAddress, tcpProxy } from './shared';

const TLS_INSPECTOR: JsonObject = {
  name: 'envoy.filters.listener.tls_inspector',
  typed_config: {
    '@type': 'type.googleapis.com/envoy.extensions.filters.listener.tls_inspector.v3.TlsInspector',
  },
};
const HTTP_INSPECTOR: JsonObject = {
  name: 'envoy.filters.listener.http_inspector',
  typed_config: {
    '@type':
      'type.googleapis.com/envoy.extensions.filters.listener.http_inspector.v3.HttpInspector',
  },
};

/** Non-HTTP bytes on an HTTP port still reach their original destination. */
const PASSTHROUGH_FILTER_CHAIN: JsonObject = {
  filter_chain_match: {},
  filters: [ISTIO_STATS_NETWORK, tcpProxy('PassthroughCluster')],
  name: 'PassthroughFilterChain',
};

/** virtualOutbound (15001): iptables sends all outbound traffic here; `use_original_dst` hands it on. */
export function virtualOutboundListener(): JsonObject {
  return {
    '@type': TYPE.listener,
    name: 'virtualOutbound',
    address: socketAddress('0.0.0.0', 15001),
    filter_chains: [
      {
        filter_chain_match: { destination_port: 15001 },
        filters: [ISTIO_STATS_NETWORK, tcpProxy('BlackHoleCluster')],
        name: 'virtualOutbound-blackhole',
      },
      {
        filters: [ISTIO_STATS_NETWORK, tcpProxy('PassthroughCluster')],
        name: 'virtualOutbound-catchall-tcp',
      },
    ],
    use_original_dst: true,
    traffic_direction: 'OUTBOUND',
  };
}

function httpListener(port: number): JsonObject {
  return {
    '@type': TYPE.listener,
    name: `0.0.0.0_${port}`,
    address: socketAddress('0.0.0.0', port),
    filter_chains: [
      {
        filter_chain_match: {
          transport_protocol: 'raw_buffer',
          application_protocols: ['http/1.1', 'h2c'],
        },
        filters: [outboundHcm(port)],
      },
    ],
    listener_filters: [TLS_INSPECTOR, HTTP_INSPECTOR],
    listener_filters_timeout: '0s',
    traffic_direction: 'OUTBOUND',
    continue_on_listener_filters_timeout: true,
    default_filter_chain: PASSTHROUGH_FILTER_CHAIN,
    // Not bound: virtualOutbound's original_dst hands connections over to it.
    bind_to_port: false,
  };
}

function tcpListener(ip: string, port: number, cluster: string): JsonObject {
  return {
    '@type': TYPE.listener,
    name: `${ip}_${port}`,
    address: socketAddress(ip, port),
    filter_chains: [{ filters: [ISTIO_STATS_NETWORK, tcpProxy(cluster)] }],
    traffic_direction: 'OUTBOUND',
    bind_to_port: false,
  };
}

/**
 * One `0.0.0.0_<port>` listener per port number used by any HTTP-family service port, and one
 * `<clusterIP>_<port>` per TCP-family service port. Ports in ascending order, like istiod's output.
 */
export function outboundListeners(mesh: DemoMesh): JsonObject[] {
  const httpPorts = new Set<number>();
  const tcp: { ip: string; port: number; cluster: string }[] = [];
  for (const service of mesh.services) {
    for (const p of service.ports) {
      if (isHttpProtocol(p.protocol)) httpPorts.add(p.port);
      else
        tcp.push({
          ip: service.clusterIP,
          port: p.port,
          cluster: clusterName('outbound', p.port, '', service.hostname),
        });
    }
  }
  const listeners = [
    ...tcp.map((t) => ({
      sortKey: `${t.ip}_${t.port}`,
      make: () => tcpListener(t.ip, t.port, t.cluster),
    })),
    ...[...httpPorts].map((p) => ({ sortKey: `0.0.0.0_${p}`, make: () => httpListener(p) })),
  ];
  listeners.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
  return listeners.map((l) => l.make());
}

/** Names of the RDS route configurations the outbound listeners use (one per HTTP port). */
export function outboundHttpPorts(mesh: DemoMesh): number[] {
  const ports = new Set<number>();
  for (const s of mesh.services)
    for (const p of s.ports) if (isHttpProtocol(p.protocol)) ports.add(p.port);
  return [...ports].sort((a, b) => a - b);
}
