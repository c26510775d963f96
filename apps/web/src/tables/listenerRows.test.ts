import type { FilterChain, FilterChainMatch, Listener, NetworkFilter } from '@meshlens/configdump';
import { describe, expect, it } from 'vitest';
import { emptyDump } from '../testing/emptyDump';
import { listenerRows } from './listenerRows';

function match(m: Partial<FilterChainMatch> = {}): FilterChainMatch {
  return {
    prefixRanges: [],
    directSourcePrefixRanges: [],
    sourceType: 'ANY',
    sourcePrefixRanges: [],
    sourcePorts: [],
    serverNames: [],
    applicationProtocols: [],
    ...m,
  };
}

function chain(
  index: number,
  filters: NetworkFilter[],
  m?: Partial<FilterChainMatch>,
): FilterChain {
  return { name: `#${index}`, index, isDefault: index === -1, match: match(m), filters, raw: {} };
}

function listener(name: string, ip: string, port: number, chains: FilterChain[]): Listener {
  return {
    name,
    state: 'active',
    address: { kind: 'socket', ip, port, protocol: 'TCP' },
    additionalAddresses: [],
    trafficDirection: 'OUTBOUND',
    useOriginalDst: false,
    bindToPort: true,
    listenerFilters: [],
    filterChains: chains,
    raw: {},
  };
}

describe('listenerRows', () => {
  it('makes one row per filter chain with istioctl MATCH and DESTINATION texts', () => {
    const dump = emptyDump();
    dump.listeners = [
      listener('0.0.0.0_9080', '0.0.0.0', 9080, [
        chain(
          0,
          [
            {
              kind: 'http_connection_manager',
              name: 'envoy.filters.network.http_connection_manager',
              routeSource: { kind: 'rds', routeConfigName: '9080' },
              httpFilters: [],
              raw: {},
            },
          ],
          { applicationProtocols: ['http/1.1', 'h2c'] },
        ),
        chain(
          1,
          [
            {
              kind: 'tcp_proxy',
              name: 'envoy.tcp_proxy',
              cluster: 'PassthroughCluster',
              weightedClusters: [],
              raw: {},
            },
          ],
          { serverNames: ['a.example.com'], transportProtocol: 'tls' },
        ),
        chain(2, [{ kind: 'generic', name: 'envoy.filters.network.mongo_proxy', raw: {} }]),
      ]),
    ];
    const rows = listenerRows(dump);
    expect(rows.map((r) => [r.addresses, r.port, r.match, r.destination, r.nodeId])).toEqual([
      ['0.0.0.0', 9080, 'App: http/1.1,h2c', 'Route: 9080', 'chain:0.0.0.0_9080#0'],
      [
        '0.0.0.0',
        9080,
        'SNI: a.example.com; Trans: tls',
        // istioctl prints cluster names containing `Cluster` bare (shared with the CLI).
        'PassthroughCluster',
        'chain:0.0.0.0_9080#1',
      ],
      ['0.0.0.0', 9080, 'ALL', 'Non-HTTP/Non-TCP', 'chain:0.0.0.0_9080#2'],
    ]);
  });

  it('shows destination ports and address ranges as Addr', () => {
    const dump = emptyDump();
    dump.listeners = [
      listener('virtualInbound', '0.0.0.0', 15006, [
        chain(0, [], {
          prefixRanges: [{ addressPrefix: '10.1.0.5', prefixLen: 32 }],
          destinationPort: 9080,
        }),
        chain(1, [], { destinationPort: 15021 }),
      ]),
    ];
    expect(listenerRows(dump).map((r) => r.match)).toEqual([
      'Addr: 10.1.0.5/32:9080',
      'Addr: *:15021',
    ]);
  });

  it('still lists a listener without filter chains, linked to the listener node', () => {
    const dump = emptyDump();
    dump.listeners = [listener('empty', '127.0.0.1', 1, [])];
    expect(listenerRows(dump)).toHaveLength(1);
    expect(listenerRows(dump)[0]!.nodeId).toBe('listener:empty');
  });
});
