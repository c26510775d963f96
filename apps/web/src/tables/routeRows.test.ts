import type { PathMatch, Route, RouteConfig } from '@meshlens/configdump';
import { describe, expect, it } from 'vitest';
import { emptyDump } from '../testing/emptyDump';
import { routeRows } from './routeRows';

function route(index: number, path: PathMatch, vs?: string): Route {
  return {
    index,
    match: { path, caseSensitive: true, headers: [], queryParameters: [], grpc: false, raw: {} },
    action: { kind: 'cluster', cluster: 'c', options: { mirrors: [] } },
    ...(vs
      ? { istioConfig: { kind: 'VirtualService', name: vs, namespace: 'default', path: '' } }
      : {}),
    raw: {},
  };
}

describe('routeRows', () => {
  it('lists every route of every virtual host with its match and VirtualService', () => {
    const rc: RouteConfig = {
      name: '9080',
      state: 'active',
      inline: false,
      raw: {},
      virtualHosts: [
        {
          name: 'reviews.default.svc.cluster.local:9080',
          domains: ['reviews.default.svc.cluster.local', 'reviews'],
          requireTls: 'NONE',
          raw: {},
          routes: [
            route(0, { kind: 'path', value: '/exact' }, 'reviews'),
            route(1, { kind: 'prefix', value: '/' }),
          ],
        },
        {
          name: 'allow_any',
          domains: ['*'],
          requireTls: 'NONE',
          raw: {},
          routes: [route(0, { kind: 'safe_regex', regex: '.*' })],
        },
      ],
    };
    const dump = emptyDump();
    dump.routeConfigs = [rc];
    const rows = routeRows(dump);
    expect(rows.map((r) => [r.vhost, r.domains, r.match, r.virtualService, r.nodeId])).toEqual([
      [
        'reviews.default.svc.cluster.local:9080',
        // istioctl's DOMAINS abbreviation, shared with the CLI: shortest domain + count.
        'reviews + 1 more...',
        '/exact',
        'reviews.default',
        'route:9080/reviews.default.svc.cluster.local:9080/0',
      ],
      [
        'reviews.default.svc.cluster.local:9080',
        'reviews + 1 more...',
        '/*',
        '',
        'route:9080/reviews.default.svc.cluster.local:9080/1',
      ],
      ['allow_any', '*', 'regex .*', '', 'route:9080/allow_any/0'],
    ]);
  });
});
