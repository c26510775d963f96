import { describe, expect, it } from 'vitest';
import { dumpOf, routesSection } from './dumpOf.testing';
import { describeRouteDomains } from '@meshlens/istioctl';
import { listedRouteConfigs, routeTable } from './routeTable';

const vsMeta = (path: string): object => ({ filter_metadata: { istio: { config: path } } });

const dump = dumpOf(
  routesSection(
    {
      name: '9080',
      virtual_hosts: [
        {
          name: 'reviews.default.svc.cluster.local:9080',
          domains: [
            'reviews.default.svc.cluster.local',
            'reviews',
            'reviews.default',
            '10.0.0.7',
            '10.0.0.7:9080',
          ],
          routes: [
            {
              match: {
                prefix: '/api',
                headers: [{ name: 'end-user', string_match: { exact: 'jason' } }],
              },
              route: { cluster: 'outbound|9080|v2|reviews.default.svc.cluster.local' },
              metadata: vsMeta(
                '/apis/networking.istio.io/v1alpha3/namespaces/default/virtual-service/reviews',
              ),
            },
            {
              match: { path: '/exact' },
              route: { cluster: 'c' },
              metadata: vsMeta('/some/other/path'),
            },
            { match: { safe_regex: { regex: '/r[0-9]+' } }, route: { cluster: 'c' } },
          ],
        },
        {
          name: 'allow_any',
          domains: ['*'],
          routes: [{ match: { prefix: '/' }, route: { cluster: 'PassthroughCluster' } }],
        },
        { name: 'empty', domains: ['*'], routes: [] },
      ],
    },
    { name: '80', virtual_hosts: [] },
    { name: 'http.8080', virtual_hosts: [] },
  ),
);
const configs = listedRouteConfigs(dump.routeConfigs);

describe('route table', () => {
  it('DOMAINS: the shortest domain not starting with 1-9, plus a count', () => {
    expect(describeRouteDomains(['reviews.default.svc.cluster.local', 'reviews', '10.0.0.7'])).toBe(
      'reviews + 2 more...',
    );
    expect(describeRouteDomains(['*'])).toBe('*');
    expect(describeRouteDomains([])).toBe('');
  });

  it('verbose: a row per route, MATCH without headers, VIRTUAL SERVICE, passthrough hidden, 404 for empty vhosts', () => {
    const t = routeTable(configs, {
      filter: { name: '9080' },
      verbose: true,
      includeConfigType: false,
    });
    expect(t.rows).toEqual([
      [
        '9080',
        'reviews.default.svc.cluster.local:9080',
        'reviews + 4 more...',
        '/api*',
        'reviews.default',
      ],
      [
        '9080',
        'reviews.default.svc.cluster.local:9080',
        'reviews + 4 more...',
        '/exact',
        '<unknown>',
      ],
      [
        '9080',
        'reviews.default.svc.cluster.local:9080',
        'reviews + 4 more...',
        'regex /r[0-9]+',
        '',
      ],
      ['9080', 'empty', '*', '/*', '404'],
    ]);
  });

  it('compact: NAME / VIRTUAL HOSTS, numeric names in numeric order up to the first non-numeric one', () => {
    const t = routeTable(configs, { filter: {}, verbose: false, includeConfigType: true });
    expect(t.header).toEqual(['NAME', 'VIRTUAL HOSTS']);
    expect(t.rows).toEqual([
      ['route/80', '0'],
      ['route/9080', '3'],
      ['route/http.8080', '0'],
    ]);
  });
});
