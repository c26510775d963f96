import { describe, expect, it } from 'vitest';
import { countResources } from './countResources';
import { parseConfigDump } from './parseConfigDump';

const V3 = 'type.googleapis.com/envoy.admin.v3.';
const host = (ip: string): unknown => ({
  endpoint: { address: { socket_address: { address: ip, port_value: 80 } } },
});

describe('countResources', () => {
  it('counts route configs, virtual hosts, routes and endpoint hosts over every entry', () => {
    const text = JSON.stringify({
      configs: [
        {
          '@type': `${V3}ClustersConfigDump`,
          static_clusters: [{ cluster: { name: 'a', type: 'EDS' } }],
          dynamic_active_clusters: [{ cluster: { name: 'b', type: 'EDS' } }],
        },
        {
          '@type': `${V3}RoutesConfigDump`,
          static_route_configs: [
            {
              route_config: {
                name: 'r1',
                virtual_hosts: [
                  { name: 'v1', domains: ['*'], routes: [{ match: { prefix: '/' } }] },
                  {
                    name: 'v2',
                    domains: ['x'],
                    routes: [{ match: { prefix: '/a' } }, { match: { prefix: '/b' } }],
                  },
                ],
              },
            },
          ],
        },
        {
          '@type': `${V3}EndpointsConfigDump`,
          static_endpoint_configs: [
            {
              endpoint_config: {
                cluster_name: 'a',
                endpoints: [{ lb_endpoints: [host('10.0.0.1'), host('10.0.0.2')] }],
              },
            },
            {
              endpoint_config: {
                cluster_name: 'b',
                endpoints: [{ lb_endpoints: [host('10.0.0.3')] }],
              },
            },
          ],
        },
      ],
    });
    const r = parseConfigDump(text);
    if (!r.ok) throw new Error(r.error.message);
    expect(countResources(r.dump)).toEqual({
      listeners: 0,
      routeConfigs: 1,
      routes: 3,
      virtualHosts: 2,
      clusters: 2,
      endpoints: 3,
      secrets: 0,
      extensionConfigs: 0,
    });
  });
});
