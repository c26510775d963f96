import { describe, expect, it } from 'vitest';
import { parseAddress } from './address';
import { formatAddress } from './formatAddress';

describe('parseAddress + formatAddress', () => {
  it('formats socket, pipe and internal addresses as istioctl does', () => {
    expect(
      formatAddress(parseAddress({ socket_address: { address: '172.17.0.4', port_value: 443 } })),
    ).toBe('172.17.0.4:443');
    expect(
      formatAddress(parseAddress({ socketAddress: { address: 'fd00::1', portValue: '80' } })),
    ).toBe('[fd00::1]:80');
    expect(formatAddress(parseAddress({ pipe: { path: '/sock/mixer.socket' } }))).toBe(
      'unix:///sock/mixer.socket',
    );
    expect(
      formatAddress(
        parseAddress({
          envoy_internal_address: {
            server_listener_name: 'connect_originate',
            endpoint_id: '192.168.195.248:800',
          },
        }),
      ),
    ).toBe('envoy://connect_originate/192.168.195.248:800');
    expect(
      formatAddress(
        parseAddress({ envoyInternalAddress: { serverListenerName: 'main_internal' } }),
      ),
    ).toBe('envoy://main_internal');
    expect(formatAddress(parseAddress(undefined))).toBe('');
  });

  it('reads the socket protocol by name or number', () => {
    expect(
      parseAddress({ socket_address: { address: 'a', port_value: 1, protocol: 'UDP' } }),
    ).toMatchObject({ protocol: 'UDP' });
    expect(
      parseAddress({ socket_address: { address: 'a', port_value: 1, protocol: 1 } }),
    ).toMatchObject({ protocol: 'UDP' });
    expect(parseAddress({ socket_address: { address: 'a' } })).toEqual({
      kind: 'socket',
      ip: 'a',
      port: undefined,
      protocol: 'TCP',
    });
  });
});
