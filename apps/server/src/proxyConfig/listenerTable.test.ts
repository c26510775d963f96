import { describe, expect, it } from 'vitest';
import { dumpOf, hcm, listenersSection, tcpProxy } from './dumpOf.testing';
import { describeChainMatch, listenerType } from '@meshlens/istioctl';
import { listedListeners } from './listenerSelection';
import { listenerTable } from './listenerTable';
import { formatTable } from './table';

const sock = (ip: string, port: number): object => ({
  socket_address: { address: ip, port_value: port },
});

const dump = dumpOf(
  listenersSection(
    {
      name: 'virtualInbound',
      address: sock('0.0.0.0', 15006),
      filter_chains: [
        {
          filter_chain_match: {
            destination_port: 9080,
            transport_protocol: 'tls',
            application_protocols: ['istio-http/1.0', 'istio-http/1.1', 'istio-h2'],
          },
          filters: [hcm({ rds: 'inbound|9080||' })],
        },
        {
          filter_chain_match: {
            prefix_ranges: [{ address_prefix: '10.0.0.1', prefix_len: 32 }],
            destination_port: 15006,
          },
          filters: [tcpProxy('BlackHoleCluster')],
        },
        {
          filter_chain_match: { server_names: ['a.example.com', 'b'] },
          filters: [tcpProxy('outbound|443||a.example.com')],
        },
        {
          filters: [
            {
              name: 'envoy.filters.network.mongo_proxy',
              typed_config: { '@type': 'type.googleapis.com/x.Mongo' },
            },
          ],
        },
      ],
    },
    {
      name: '0.0.0.0_80',
      address: sock('0.0.0.0', 80),
      filter_chains: [
        { filters: [hcm({ rds: '80' })] },
        { filters: [tcpProxy('PassthroughCluster')] },
      ],
    },
    {
      name: '10.1.1.1_3306',
      address: sock('10.1.1.1', 3306),
      filter_chains: [{ filters: [tcpProxy('outbound|3306||db')] }],
    },
    {
      name: 'mixed',
      address: sock('0.0.0.0', 80),
      additional_addresses: [{ address: sock('::', 80) }],
      filter_chains: [{ filters: [hcm({ rds: '80' })] }, { filters: [tcpProxy('outbound|80||x')] }],
    },
  ),
);
const listeners = listedListeners(dump.listeners);
const byName = (n: string) => listeners.find((l) => l.name === n)!;

describe('listener rows', () => {
  it('TYPE counts HTTP and TCP filters, ignoring TCP to PassthroughCluster', () => {
    expect(listenerType(byName('0.0.0.0_80'))).toBe('HTTP');
    expect(listenerType(byName('10.1.1.1_3306'))).toBe('TCP');
    expect(listenerType(byName('mixed'))).toBe('HTTP+TCP');
  });

  it('MATCH describes the filter chain match like istioctl', () => {
    const chains = byName('virtualInbound').filterChains;
    expect(chains.map(describeChainMatch)).toEqual([
      'Trans: tls; App: istio-http/1.0,istio-http/1.1,istio-h2; Addr: *:9080',
      'Addr: 10.0.0.1/32:15006',
      'SNI: a.example.com,b',
      'ALL',
    ]);
  });

  it('verbose table: one row per chain, chains by DESTINATION descending, listeners by port', () => {
    const t = listenerTable(listeners, { filter: {}, verbose: true, includeConfigType: false });
    expect(t.header).toEqual(['ADDRESSES', 'PORT', 'MATCH', 'DESTINATION']);
    expect(t.rows.map((r) => r.join(' | '))).toEqual([
      '0.0.0.0 | 80 | ALL | Route: 80',
      '0.0.0.0 | 80 | ALL | PassthroughCluster',
      '0.0.0.0,:: | 80 | ALL | Route: 80',
      '0.0.0.0,:: | 80 | ALL | Cluster: outbound|80||x',
      '10.1.1.1 | 3306 | ALL | Cluster: outbound|3306||db',
      '0.0.0.0 | 15006 | Trans: tls; App: istio-http/1.0,istio-http/1.1,istio-h2; Addr: *:9080 | Route: inbound|9080||',
      '0.0.0.0 | 15006 | ALL | Non-HTTP/Non-TCP',
      '0.0.0.0 | 15006 | SNI: a.example.com,b | Cluster: outbound|443||a.example.com',
      '0.0.0.0 | 15006 | Addr: 10.0.0.1/32:15006 | BlackHoleCluster',
    ]);
  });

  it('compact table and the filters (--port, --address incl. additional addresses, --type)', () => {
    const compact = (filter: object) =>
      listenerTable(listeners, { filter, verbose: false, includeConfigType: false }).rows.map((r) =>
        r.join(' '),
      );
    expect(compact({ port: 3306 })).toEqual(['10.1.1.1 3306 TCP']);
    expect(compact({ address: '::' })).toEqual(['0.0.0.0,:: 80 HTTP+TCP']);
    expect(compact({ type: 'http' })).toEqual(['0.0.0.0 80 HTTP']);
  });

  it('lays out with padding 1 and a NAME column in `all`', () => {
    const t = listenerTable([byName('10.1.1.1_3306')], {
      filter: {},
      verbose: true,
      includeConfigType: true,
    });
    expect(formatTable(t)).toBe(
      'NAME                   ADDRESSES PORT MATCH DESTINATION\nlistener/10.1.1.1_3306 10.1.1.1  3306 ALL   Cluster: outbound|3306||db\n',
    );
  });
});
