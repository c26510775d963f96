import { describe, expect, it } from 'vitest';
import type { ConfigDump, JsonObject } from './model';
import { parseConfigDump } from './parseConfigDump';

const V3 = 'type.googleapis.com/envoy.admin.v3.';
const HCM = 'envoy.filters.network.http_connection_manager';

function parse(...configs: JsonObject[]): ConfigDump {
  const r = parseConfigDump(JSON.stringify({ configs }));
  if (!r.ok) throw new Error(r.error.message);
  return r.dump;
}

const listeners: JsonObject = {
  '@type': `${V3}ListenersConfigDump`,
  dynamic_listeners: [
    {
      name: 'l80',
      active_state: {
        listener: {
          name: 'l80',
          filter_chains: [
            {
              filters: [
                {
                  name: HCM,
                  typed_config: {
                    rds: { route_config_name: '80' },
                    http_filters: [{ name: 'wasm', config_discovery: {} }],
                  },
                },
              ],
            },
            {
              filters: [
                {
                  name: 'envoy.filters.network.tcp_proxy',
                  typed_config: { cluster: 'tcp-target' },
                },
              ],
            },
          ],
          default_filter_chain: {
            filters: [{ name: HCM, typed_config: { rds: { route_config_name: 'missing-rds' } } }],
          },
        },
      },
    },
  ],
};
const routes: JsonObject = {
  '@type': `${V3}RoutesConfigDump`,
  dynamic_route_configs: [
    {
      route_config: {
        name: '80',
        virtual_hosts: [
          {
            name: 'vh',
            domains: ['*'],
            routes: [
              {
                match: { prefix: '/a' },
                route: { cluster: 'a', request_mirror_policies: [{ cluster: 'mirror' }] },
              },
              {
                match: { prefix: '/w' },
                route: {
                  weighted_clusters: {
                    clusters: [
                      { name: 'a', weight: 90 },
                      { name: 'gone', weight: 10 },
                    ],
                  },
                },
              },
              { match: { prefix: '/h' }, route: { cluster_header: 'x-cluster' } },
            ],
          },
        ],
      },
    },
  ],
};
const clusters: JsonObject = {
  '@type': `${V3}ClustersConfigDump`,
  dynamic_active_clusters: [
    { cluster: { name: 'a', type: 'EDS', eds_cluster_config: { service_name: 'svc-a' } } },
    { cluster: { name: 'mirror', type: 'EDS' } },
    {
      cluster: {
        name: 'tcp-target',
        type: 'STATIC',
        load_assignment: { cluster_name: 'tcp-target', endpoints: [] },
      },
    },
    {
      cluster: {
        name: 'tls',
        type: 'EDS',
        transport_socket: {
          name: 'envoy.transport_sockets.tls',
          typed_config: {
            common_tls_context: { tls_certificate_sds_secret_configs: [{ name: 'default' }] },
          },
        },
      },
    },
  ],
};
const endpoints: JsonObject = {
  '@type': `${V3}EndpointsConfigDump`,
  dynamic_endpoint_configs: [{ endpoint_config: { cluster_name: 'svc-a', endpoints: [] } }],
};
const secrets: JsonObject = {
  '@type': `${V3}SecretsConfigDump`,
  dynamic_active_secrets: [{ name: 'ROOTCA', secret: { name: 'ROOTCA', validation_context: {} } }],
};
const ecds: JsonObject = {
  '@type': `${V3}EcdsConfigDump`,
  ecds_filters: [{ ecds_filter: { name: 'wasm' } }],
};

describe('buildIndex', () => {
  it('links listeners, routes, clusters, endpoints, secrets and ECDS, and lists what is missing', () => {
    const d = parse(listeners, routes, clusters, endpoints, secrets, ecds);
    const refs = d.index.references.map(
      (r) =>
        `${r.from.kind}>${r.via}>${r.to.kind === 'endpoints' ? r.to.cluster : 'name' in r.to ? r.to.name : '?'}${r.weight !== undefined ? `@${r.weight}` : ''}`,
    );
    expect(refs).toEqual([
      'filter_chain>rds>80',
      'filter_chain>ecds>wasm',
      'filter_chain>tcp_cluster>tcp-target',
      'route>route_cluster>a',
      'route>mirror_cluster>mirror',
      'route>weighted_cluster>a@90',
      'cluster>eds>a',
      'cluster>eds>tcp-target',
    ]);
    expect(d.index.dangling.map((x) => `${x.via}:${x.name}:${x.expected}`)).toEqual([
      'rds:missing-rds:route_config',
      'weighted_cluster:gone:cluster',
      'eds:mirror:endpoints',
      'eds:tls:endpoints',
      'sds:default:secret',
    ]);
    expect(d.index.endpointsByCluster.get('a')?.clusterName).toBe('svc-a');
    expect(d.index.clusterByName.get('tcp-target')?.type).toBe('STATIC');
  });

  it('records dangling names only for sections the dump contains', () => {
    const routesOnly = parse(routes);
    expect(routesOnly.index.dangling).toEqual([]);
    expect(routesOnly.index.references).toEqual([]);
    const noEndpoints = parse(clusters);
    expect(noEndpoints.index.dangling.map((x) => x.expected)).toEqual([]);
    const listenersOnly = parse(listeners);
    expect(listenersOnly.index.dangling).toEqual([]);
  });

  it('resolves scoped routes through the ScopedRoutesConfigDump', () => {
    const d = parse(
      {
        '@type': `${V3}ListenersConfigDump`,
        static_listeners: [
          {
            listener: {
              name: 's',
              filter_chains: [
                { filters: [{ name: HCM, typed_config: { scoped_routes: { name: 'scopes' } } }] },
              ],
            },
          },
        ],
      },
      {
        '@type': `${V3}ScopedRoutesConfigDump`,
        dynamic_scoped_route_configs: [
          {
            name: 'scopes',
            scoped_route_configs: [
              { name: 'k1', route_configuration_name: '80' },
              { name: 'k2', route_configuration_name: 'nope' },
            ],
          },
        ],
      },
      routes,
    );
    expect(
      d.scopedRouteConfigs.map((s) => [s.name, s.scopedRoutesName, s.routeConfigurationName]),
    ).toEqual([
      ['k1', 'scopes', '80'],
      ['k2', 'scopes', 'nope'],
    ]);
    expect(d.index.references.filter((r) => r.via === 'scoped_rds').map((r) => r.to)).toEqual([
      { kind: 'route_config', name: '80' },
    ]);
    expect(d.index.dangling.filter((x) => x.via === 'scoped_rds').map((x) => x.name)).toEqual([
      'nope',
    ]);
  });
});
