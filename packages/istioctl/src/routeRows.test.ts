import { describe, expect, it } from 'vitest';
import { dumpOf } from './rows.testing';
import { routeRows } from './routeRows';

const VS = '/apis/networking.istio.io/v1/namespaces/shop/virtual-service/cart';

describe('routeRows', () => {
  it('hides the PassthroughCluster catch-all, adds a 404 row for an empty virtual host', () => {
    const dump = dumpOf('RoutesConfigDump', {
      dynamic_route_configs: [
        {
          route_config: {
            name: '8080',
            virtual_hosts: [
              {
                name: 'cart.shop.svc.cluster.local:8080',
                domains: ['cart.shop.svc.cluster.local', 'cart', '10.96.0.9'],
                routes: [
                  {
                    match: { safe_regex: { regex: '/v[12]/.*' } },
                    route: { cluster: 'outbound|8080||cart.shop.svc.cluster.local' },
                    metadata: { filter_metadata: { istio: { config: VS } } },
                  },
                ],
              },
              { name: 'empty', domains: ['*'], routes: [] },
              {
                name: 'allow_any',
                domains: ['*'],
                routes: [{ match: { prefix: '/' }, route: { cluster: 'PassthroughCluster' } }],
              },
            ],
          },
        },
      ],
    });
    const rc = dump.routeConfigs.find((c) => c.name === '8080');
    expect(rc).toBeDefined();
    expect(routeRows(rc!)).toEqual([
      {
        name: '8080',
        vhost: 'cart.shop.svc.cluster.local:8080',
        domains: 'cart + 2 more...',
        match: 'regex /v[12]/.*',
        virtualService: 'cart.shop',
        routeIndex: 0,
      },
      {
        name: '8080',
        vhost: 'empty',
        domains: '*',
        match: '/*',
        virtualService: '404',
        routeIndex: undefined,
      },
    ]);
  });
});
