import { describe, expect, it } from 'vitest';
import { dumpOf, hcm, listenersSection } from './dumpOf.testing';
import { describeChainDestination } from '@meshlens/istioctl';

function destinationOf(routeConfig: object): string {
  const dump = dumpOf(
    listenersSection({
      name: 'l',
      address: { socket_address: { address: '0.0.0.0', port_value: 1 } },
      filter_chains: [{ filters: [hcm({ inline: routeConfig })] }],
    }),
  );
  return describeChainDestination(dump.listeners[0]!.filterChains[0]!);
}

describe('inline route DESTINATION', () => {
  it('a catch-all route to one cluster reads as that cluster', () => {
    expect(
      destinationOf({
        virtual_hosts: [
          {
            name: 'v',
            domains: ['*'],
            routes: [{ match: { prefix: '/' }, route: { cluster: 'agent' } }],
          },
        ],
      }),
    ).toBe('Cluster: agent');
    expect(
      destinationOf({
        virtual_hosts: [
          {
            name: 'v',
            domains: ['*'],
            routes: [{ match: { prefix: '/' }, route: { cluster: 'PassthroughCluster' } }],
          },
        ],
      }),
    ).toBe('PassthroughCluster');
  });

  it('anything else lists domains and matches', () => {
    expect(
      destinationOf({
        virtual_hosts: [
          {
            name: 'a',
            domains: ['*'],
            routes: [
              { match: { prefix: '/healthz/ready' }, route: { cluster: 'agent' } },
              { match: { path: '/stats' }, route: { cluster: 'agent' } },
            ],
          },
          {
            name: 'b',
            domains: ['a.com', 'a.com:80'],
            routes: [{ match: { safe_regex: { regex: '/x.*' } }, route: { cluster: 'x' } }],
          },
        ],
      }),
    ).toBe('Inline Route: /healthz/ready*, /stats; a.com/a.com:80 regex /x.*');
  });
});
