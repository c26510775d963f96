import { describe, expect, it } from 'vitest';
import { parseCluster } from './parseCluster';

const TLS = 'type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext';

describe('parseCluster', () => {
  it('reads type, EDS service, lb policy, circuit breakers and Istio names', () => {
    const { cluster, endpoints } = parseCluster(
      {
        name: 'outbound|9080|v1|reviews.default.svc.cluster.local',
        type: 'EDS',
        eds_cluster_config: { service_name: 'outbound|9080|v1|reviews.default.svc.cluster.local' },
        lb_policy: 'LEAST_REQUEST',
        connect_timeout: '10s',
        circuit_breakers: {
          thresholds: [
            { max_connections: 100, max_retries: '3' },
            { priority: 'HIGH', max_requests: 5 },
          ],
        },
        outlier_detection: { consecutive_5xx: 5 },
        metadata: {
          filter_metadata: {
            istio: {
              config:
                '/apis/networking.istio.io/v1alpha3/namespaces/default/destination-rule/reviews',
            },
          },
        },
      },
      { state: 'active', versionInfo: 'v1' },
    );
    expect(cluster).toMatchObject({
      type: 'EDS',
      edsServiceName: 'outbound|9080|v1|reviews.default.svc.cluster.local',
      lbPolicy: 'LEAST_REQUEST',
      connectTimeout: '10s',
      circuitBreakers: [
        { priority: 'DEFAULT', maxConnections: 100, maxRetries: 3 },
        { priority: 'HIGH', maxRequests: 5 },
      ],
      outlierDetection: { consecutive_5xx: 5 },
      istioName: {
        direction: 'outbound',
        port: 9080,
        subset: 'v1',
        host: 'reviews.default.svc.cluster.local',
      },
      istioConfig: { kind: 'DestinationRule', name: 'reviews', namespace: 'default' },
      versionInfo: 'v1',
    });
    expect(endpoints).toBeUndefined();
  });

  it('defaults type and lb policy and reads cluster_type and aggregate clusters', () => {
    expect(parseCluster({ name: 's' }, { state: 'static' }).cluster).toMatchObject({
      type: 'STATIC',
      lbPolicy: 'ROUND_ROBIN',
    });
    expect(
      parseCluster({ name: 'n', type: 3, lb_policy: 2 }, { state: 'static' }).cluster,
    ).toMatchObject({
      type: 'EDS',
      lbPolicy: 'RING_HASH',
    });
    const agg = parseCluster(
      {
        name: 'agg',
        cluster_type: {
          name: 'envoy.clusters.aggregate',
          typed_config: {
            '@type': 'type.googleapis.com/envoy.extensions.clusters.aggregate.v3.ClusterConfig',
            clusters: ['a', 'b'],
          },
        },
      },
      { state: 'active' },
    ).cluster;
    expect(agg).toMatchObject({ type: 'envoy.clusters.aggregate', aggregateClusters: ['a', 'b'] });
  });

  it('reads TLS from transport_socket, v2 tls_context and Istio transport socket matches', () => {
    const v3 = parseCluster(
      {
        name: 'c',
        transport_socket: {
          name: 'envoy.transport_sockets.tls',
          typed_config: {
            '@type': TLS,
            sni: 'outbound_.9080_._.reviews',
            common_tls_context: {
              tls_certificate_sds_secret_configs: [{ name: 'default' }],
              combined_validation_context: {
                validation_context_sds_secret_config: { name: 'ROOTCA' },
              },
            },
          },
        },
      },
      { state: 'active' },
    ).cluster;
    expect(v3.tls).toEqual({
      transportSocket: 'envoy.transport_sockets.tls',
      sni: 'outbound_.9080_._.reviews',
      sdsSecrets: ['default', 'ROOTCA'],
      istioMutual: false,
    });
    const v2 = parseCluster(
      { name: 'c', tls_context: { sni: 'x', common_tls_context: { alpn_protocols: ['istio'] } } },
      { state: 'active' },
    ).cluster;
    expect(v2.tls).toMatchObject({ sni: 'x', istioMutual: true, sdsSecrets: [] });
    const auto = parseCluster(
      {
        name: 'c',
        transport_socket_matches: [
          {
            name: 'tlsMode-istio',
            match: { tlsMode: 'istio' },
            transport_socket: {
              name: 'envoy.transport_sockets.tls',
              typed_config: { '@type': TLS, sni: 'auto' },
            },
          },
          {
            name: 'tlsMode-disabled',
            match: {},
            transport_socket: { name: 'envoy.transport_sockets.raw_buffer' },
          },
        ],
      },
      { state: 'active' },
    ).cluster;
    expect(auto.tls).toMatchObject({ istioMutual: true, sni: 'auto' });
    const internal = parseCluster(
      {
        name: 'c',
        transport_socket: {
          name: 'internal_upstream',
          typed_config: { transport_socket: { name: 'raw_buffer' } },
        },
      },
      { state: 'active' },
    ).cluster;
    expect(internal.tls).toBeUndefined();
  });

  it('yields static endpoints from load_assignment and v2 hosts', () => {
    const la = parseCluster(
      {
        name: 's',
        load_assignment: {
          cluster_name: 's',
          endpoints: [
            {
              locality: { region: 'r', zone: 'z' },
              priority: 1,
              lb_endpoints: [
                {
                  endpoint: {
                    address: { socket_address: { address: '127.0.0.1', port_value: 15000 } },
                    hostname: 'h',
                  },
                  health_status: 'HEALTHY',
                  load_balancing_weight: 2,
                },
              ],
            },
          ],
        },
      },
      { state: 'static' },
    ).endpoints;
    expect(la).toMatchObject({ clusterName: 's', source: 'static' });
    expect(la?.endpoints[0]).toMatchObject({
      address: { kind: 'socket', ip: '127.0.0.1', port: 15000 },
      healthStatus: 'HEALTHY',
      locality: { region: 'r', zone: 'z' },
      weight: 2,
      priority: 1,
      hostname: 'h',
    });
    const hosts = parseCluster(
      { name: 'h', hosts: [{ socket_address: { address: 'a', port_value: 1 } }] },
      { state: 'static' },
    );
    expect(hosts.endpoints?.endpoints.map((e) => e.address)).toEqual([
      { kind: 'socket', ip: 'a', port: 1, protocol: 'TCP' },
    ]);
  });
});
