import { readFileSync } from 'node:fs';
import { parseConfigDump, type ConfigDump } from '@meshlens/configdump';
import { describe, expect, it } from 'vitest';
import { describeFixtures, fixture } from '../../../tests/conformance/fixtures';
import { diffConfigDumps } from './diffConfigDumps';

const load = (name: string): ConfigDump => {
  const r = parseConfigDump(
    readFileSync(fixture('istioctl-golden/proxy-status-diff-istio14', name), 'utf8'),
  );
  if (!r.ok) throw new Error(r.error.message);
  return r.dump;
};

// istioctl's `proxy-status <pod>` test data: pilot's (camelCase protojson) dump against two Envoy
// dumps, one matching and one whose differences are the golden *diff.txt files.
describeFixtures('diffConfigDumps on istioctl proxy-status diff test data', () => {
  it('finds nothing between pilotconfigdump.json and envoyconfigdump.json (istioctl: all match)', () => {
    const diff = diffConfigDumps(load('pilotconfigdump.json'), load('envoyconfigdump.json'));
    expect(diff.inSync).toBe(true);
    // One dynamic cluster, two listeners, one RDS route config; static ones are not compared.
    expect(diff.entries.map((e) => e.kind).sort()).toEqual([
      'cluster',
      'listener',
      'listener',
      'route',
    ]);
  });

  it('finds exactly the cluster, listener and route of the golden diffs in diffenvoyconfigdump.json', () => {
    const diff = diffConfigDumps(load('pilotconfigdump.json'), load('diffenvoyconfigdump.json'));
    expect(diff.inSync).toBe(false);
    const changed = diff.entries.filter((e) => e.status !== 'same');
    expect(changed.map((e) => [e.kind, e.name, e.status])).toEqual([
      ['listener', '0.0.0.0_8080', 'different'],
      ['route', '15004', 'different'],
      ['cluster', 'outbound|15004||istio-policy.istio-system.svc.cluster.local', 'different'],
    ]);
    // Each golden diff removes exactly these on the Envoy side ("-" lines of *diff.txt).
    expect(changed.map((e) => e.changedPaths)).toEqual([
      ['-filterChains[0].filters[0].config.httpFilters[3]'],
      ['-virtualHosts[0].domains[6]', '-virtualHosts[0].domains[7]'],
      ['-circuitBreakers.thresholds[0].maxRequests'],
    ]);
    // And the removed values are the ones the goldens show.
    const removed = (name: string): string[] =>
      readFileSync(fixture('istioctl-golden/proxy-status-diff-istio14', name), 'utf8')
        .split('\n')
        .filter((l) => l.startsWith('-') && !l.startsWith('---'))
        .map((l) => l.slice(1).trim())
        .filter((l) => l !== '' && l !== '},' && l !== '{');
    const route = changed[1]?.istiod as {
      virtual_hosts?: { domains: string[] }[];
      virtualHosts?: { domains: string[] }[];
    };
    const domains = (route.virtualHosts ?? route.virtual_hosts)?.[0]?.domains ?? [];
    expect(removed('routediff.txt')).toEqual([`"${domains[6]}",`, `"${domains[7]}",`]);
    expect(removed('listenerdiff.txt')).toEqual(['"name": "envoy.router"']);
    expect(removed('clusterdiff.txt')).toEqual(['"maxRequests": 10000']);
  });
});

const clusterDump = (clusters: object[]): ConfigDump => {
  const text = JSON.stringify({
    configs: [
      {
        '@type': 'type.googleapis.com/envoy.admin.v3.ClustersConfigDump',
        dynamic_active_clusters: clusters.map((cluster) => ({
          version_info: 'v1',
          cluster: { '@type': 'type.googleapis.com/envoy.config.cluster.v3.Cluster', ...cluster },
        })),
      },
    ],
  });
  const r = parseConfigDump(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.dump;
};

describe('diffConfigDumps on small dumps', () => {
  it('marks value changes, fields and elements only on one side, and resources only on one side', () => {
    const istiod = clusterDump([
      { name: 'a', connect_timeout: '5s', lb_policy: 'RING_HASH' },
      { name: 'b', connect_timeout: '1s' },
      { name: 'only-istiod', connect_timeout: '1s' },
    ]);
    const envoy = clusterDump([
      { name: 'a', connectTimeout: '10s', lbPolicy: 'RING_HASH', dnsLookupFamily: 'V4_ONLY' },
      { name: 'b', connect_timeout: '1s' },
      { name: 'only-envoy', connect_timeout: '1s' },
    ]);
    const diff = diffConfigDumps(istiod, envoy);
    expect(diff.inSync).toBe(false);
    expect(diff.entries.map((e) => [e.name, e.status, e.changedPaths])).toEqual([
      ['a', 'different', ['connectTimeout', '+dnsLookupFamily']],
      ['b', 'same', undefined],
      ['only-envoy', 'only_envoy', undefined],
      ['only-istiod', 'only_istiod', undefined],
    ]);
  });
});

const routeDump = (virtualHosts: object[]): ConfigDump => {
  const text = JSON.stringify({
    configs: [
      {
        '@type': 'type.googleapis.com/envoy.admin.v3.RoutesConfigDump',
        dynamic_route_configs: [
          {
            version_info: String(virtualHosts.length),
            route_config: {
              '@type': 'type.googleapis.com/envoy.config.route.v3.RouteConfiguration',
              name: '80',
              virtual_hosts: virtualHosts,
            },
          },
        ],
      },
    ],
  });
  const r = parseConfigDump(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.dump;
};

const route = (prefix: string, cluster: string): object => ({
  match: { prefix },
  route: { cluster },
});

describe('diffConfigDumps on route configurations (semantic engine)', () => {
  const a = { name: 'a:80', domains: ['a', 'a:80'], routes: [route('/x', 'cx'), route('/', 'c')] };
  const b = { name: 'b:80', domains: ['b'], routes: [route('/', 'b')] };

  it('ignores the order of virtual hosts and of domains, which Envoy does not use', () => {
    const diff = diffConfigDumps(
      routeDump([a, b]),
      routeDump([b, { ...a, domains: ['a:80', 'a'] }]),
    );
    expect(diff.entries).toEqual([{ kind: 'route', name: '80', status: 'same' }]);
  });

  it('reports a moved route (Envoy takes the first match) and an added virtual host inside the route config', () => {
    const moved = { ...a, routes: [route('/', 'c'), route('/x', 'cx')] };
    const extra = { name: 'c:80', domains: ['c'], routes: [route('/', 'c')] };
    const diff = diffConfigDumps(routeDump([a, b]), routeDump([moved, b, extra]));
    expect(diff.entries[0]?.status).toBe('different');
    // One of the two routes is displaced relative to the other; the new host is at index 2 in the proxy's list.
    expect(diff.entries[0]?.changedPaths).toEqual([
      '+virtualHosts[2]',
      'virtualHosts[0].routes[0]',
    ]);
  });

  it('names the field of a changed route inside its virtual host', () => {
    const changed = { ...b, routes: [route('/', 'b2')] };
    const diff = diffConfigDumps(routeDump([a, b]), routeDump([a, changed]));
    expect(diff.entries[0]?.changedPaths).toEqual(['virtualHosts[1].routes[0].route.cluster']);
  });
});
