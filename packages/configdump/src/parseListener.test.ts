import { describe, expect, it } from 'vitest';
import { parseListener } from './parseListener';

const HCM_V3 =
  'type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager';
const TCP_V3 = 'type.googleapis.com/envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy';

describe('parseListener', () => {
  it('reads address, direction, listener filters and v3 bind_to_port', () => {
    const l = parseListener(
      {
        name: 'virtualInbound',
        address: { socket_address: { address: '0.0.0.0', port_value: 15006 } },
        additional_addresses: [
          { address: { socket_address: { address: '::', port_value: 15006 } } },
        ],
        traffic_direction: 'INBOUND',
        bind_to_port: false,
        listener_filters: [
          { name: 'envoy.filters.listener.original_dst' },
          { name: 'envoy.filters.listener.tls_inspector' },
        ],
      },
      { state: 'active' },
    );
    expect(l).toMatchObject({
      name: 'virtualInbound',
      address: { kind: 'socket', ip: '0.0.0.0', port: 15006 },
      additionalAddresses: [{ kind: 'socket', ip: '::', port: 15006 }],
      trafficDirection: 'INBOUND',
      bindToPort: false,
      useOriginalDst: true,
      listenerFilters: [
        'envoy.filters.listener.original_dst',
        'envoy.filters.listener.tls_inspector',
      ],
      state: 'active',
    });
  });

  it('reads v2 use_original_dst and deprecated_v1.bind_to_port', () => {
    const l = parseListener(
      { name: 'v', useOriginalDst: true, deprecatedV1: { bindToPort: false } },
      { state: 'active' },
    );
    expect(l).toMatchObject({
      useOriginalDst: true,
      bindToPort: false,
      trafficDirection: 'UNSPECIFIED',
    });
  });

  it('reads filter chain matches, names and the default chain', () => {
    const l = parseListener(
      {
        name: 'l',
        filter_chains: [
          {
            filter_chain_match: {
              destination_port: 9080,
              prefix_ranges: [{ address_prefix: '10.0.0.0', prefix_len: 8 }],
              source_type: 'SAME_IP_OR_LOOPBACK',
              source_ports: [1, '2'],
              server_names: ['a.com'],
              transport_protocol: 'tls',
              application_protocols: ['istio-peer-exchange', 'istio'],
            },
            transport_socket: { name: 'envoy.transport_sockets.tls' },
          },
          { name: 'named', tls_context: {} },
        ],
        default_filter_chain: { filters: [] },
        filter_chain_matcher: { matcher_tree: {} },
      },
      { state: 'static' },
    );
    const [a, b] = l.filterChains;
    expect(a).toMatchObject({
      name: '#0',
      index: 0,
      isDefault: false,
      transportSocket: 'envoy.transport_sockets.tls',
      match: {
        destinationPort: 9080,
        prefixRanges: [{ addressPrefix: '10.0.0.0', prefixLen: 8 }],
        sourceType: 'SAME_IP_OR_LOOPBACK',
        sourcePorts: [1, 2],
        serverNames: ['a.com'],
        transportProtocol: 'tls',
        applicationProtocols: ['istio-peer-exchange', 'istio'],
      },
    });
    expect(b).toMatchObject({
      name: 'named',
      index: 1,
      transportSocket: 'envoy.transport_sockets.tls',
    });
    expect(b?.match.destinationPort).toBeUndefined();
    expect(l.defaultFilterChain).toMatchObject({ index: -1, isDefault: true });
    expect(l.filterChainMatcher).toEqual({ matcher_tree: {} });
  });

  it('recognises the HTTP connection manager by v2 name, v3 name or @type', () => {
    const chain = (filter: Record<string, unknown>) =>
      parseListener(
        { name: 'l', filter_chains: [{ filters: [filter as never] }] },
        { state: 'active' },
      ).filterChains[0]!.filters[0]!;
    const v2 = chain({
      name: 'envoy.http_connection_manager',
      config: { stat_prefix: 's', rds: { route_config_name: '80' } },
    });
    expect(v2).toMatchObject({
      kind: 'http_connection_manager',
      statPrefix: 's',
      routeSource: { kind: 'rds', routeConfigName: '80' },
    });
    const byType = chain({
      name: 'custom-name',
      typed_config: {
        '@type': HCM_V3,
        route_config: {
          name: 'inline',
          virtual_hosts: [
            {
              name: 'vh',
              domains: ['*'],
              routes: [{ match: { prefix: '/' }, route: { cluster: 'c' } }],
            },
          ],
        },
        http_filters: [
          {
            name: 'envoy.filters.http.router',
            typed_config: {
              '@type': 'type.googleapis.com/envoy.extensions.filters.http.router.v3.Router',
            },
          },
          { name: 'istio.stats', config_discovery: { type_urls: [] } },
        ],
      },
    });
    expect(byType.kind).toBe('http_connection_manager');
    if (byType.kind !== 'http_connection_manager') return;
    expect(byType.routeSource.kind).toBe('inline');
    if (byType.routeSource.kind === 'inline') {
      expect(byType.routeSource.routeConfig).toMatchObject({
        name: 'inline',
        inline: true,
        state: 'active',
      });
    }
    expect(byType.httpFilters.map((h) => [h.name, h.typeUrl, h.configDiscovery])).toEqual([
      [
        'envoy.filters.http.router',
        'type.googleapis.com/envoy.extensions.filters.http.router.v3.Router',
        false,
      ],
      ['istio.stats', undefined, true],
    ]);
    const scoped = chain({
      name: 'envoy.filters.network.http_connection_manager',
      typed_config: {
        '@type': HCM_V3,
        scoped_routes: {
          name: 'sr',
          scoped_route_configurations_list: {
            scoped_route_configurations: [{ route_configuration_name: 'r1' }],
          },
        },
      },
    });
    expect(scoped).toMatchObject({
      routeSource: { kind: 'scoped', scopedRoutesName: 'sr', scopeRouteConfigNames: ['r1'] },
    });
  });

  it('reads TCP proxies: cluster, weighted clusters and the v1 route list; keeps others generic', () => {
    const filters = parseListener(
      {
        name: 'l',
        filter_chains: [
          {
            filters: [
              {
                name: 'envoy.filters.network.tcp_proxy',
                typed_config: { '@type': TCP_V3, stat_prefix: 'p', cluster: 'c1' },
              },
              {
                name: 'x',
                typed_config: {
                  '@type': TCP_V3,
                  weighted_clusters: {
                    clusters: [
                      { name: 'a', weight: 1 },
                      { name: 'b', weight: 3 },
                    ],
                  },
                },
              },
              {
                name: 'envoy.tcp_proxy',
                config: {
                  deprecated_v1: true,
                  value: {
                    stat_prefix: 'v1',
                    route_config: { routes: [{ cluster: 'r1' }, { cluster: 'r2' }] },
                  },
                },
              },
              { name: 'mixer', config: { a: 1 } },
              {
                name: 'envoy.filters.network.rbac',
                typed_config: {
                  '@type': 'type.googleapis.com/envoy.extensions.filters.network.rbac.v3.RBAC',
                },
              },
            ],
          },
        ],
      },
      { state: 'active' },
    ).filterChains[0]!.filters;
    expect(filters[0]).toMatchObject({
      kind: 'tcp_proxy',
      cluster: 'c1',
      statPrefix: 'p',
      weightedClusters: [],
    });
    expect(filters[1]).toMatchObject({
      kind: 'tcp_proxy',
      weightedClusters: [
        { name: 'a', weight: 1 },
        { name: 'b', weight: 3 },
      ],
    });
    expect(filters[1]).not.toHaveProperty('cluster');
    expect(filters[2]).toMatchObject({
      kind: 'tcp_proxy',
      cluster: 'r1',
      legacyRouteClusters: ['r1', 'r2'],
      statPrefix: 'v1',
    });
    expect(filters[3]).toMatchObject({ kind: 'generic', name: 'mixer' });
    expect(filters[4]).toMatchObject({
      kind: 'generic',
      typeUrl: 'type.googleapis.com/envoy.extensions.filters.network.rbac.v3.RBAC',
    });
  });
});
