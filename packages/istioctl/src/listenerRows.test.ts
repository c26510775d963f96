import { describe, expect, it } from 'vitest';
import { listenerChainRows, listenerSummaryRow } from './listenerRows';
import { dumpOf } from './rows.testing';

describe('listener rows', () => {
  it('one summary row per listener, one chain row per chain with the default chain last', () => {
    const dump = dumpOf('ListenersConfigDump', {
      dynamic_listeners: [
        {
          name: 'virtualInbound',
          active_state: {
            listener: {
              '@type': 'type.googleapis.com/envoy.config.listener.v3.Listener',
              name: 'virtualInbound',
              address: { socket_address: { address: '0.0.0.0', port_value: 15006 } },
              additional_addresses: [{ address: { socket_address: { address: '::' } } }],
              filter_chains: [
                {
                  filter_chain_match: {
                    destination_port: 9080,
                    application_protocols: ['istio-peer-exchange', 'istio'],
                  },
                  filters: [
                    {
                      name: 'envoy.filters.network.tcp_proxy',
                      typed_config: {
                        '@type':
                          'type.googleapis.com/envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy',
                        cluster: 'inbound|9080||',
                      },
                    },
                  ],
                },
              ],
              default_filter_chain: {
                filters: [
                  {
                    name: 'envoy.filters.network.tcp_proxy',
                    typed_config: {
                      '@type':
                        'type.googleapis.com/envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy',
                      cluster: 'BlackHoleCluster',
                    },
                  },
                ],
              },
            },
          },
        },
      ],
    });
    const l = dump.listeners[0]!;
    expect(listenerSummaryRow(l)).toEqual({
      name: 'virtualInbound',
      addresses: '0.0.0.0,::',
      port: 15006,
      type: 'TCP',
    });
    expect(listenerChainRows(l).map((r) => [r.addresses, r.port, r.match, r.destination])).toEqual([
      ['0.0.0.0,::', 15006, 'App: TCP TLS; Addr: *:9080', 'Cluster: inbound|9080||'],
      ['0.0.0.0,::', 15006, 'ALL', 'BlackHoleCluster'],
    ]);
  });
});
