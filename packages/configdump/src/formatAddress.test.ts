import { describe, expect, it } from 'vitest';
import { parseAddress } from './address';
import { type AddressStyle, formatAddress } from './formatAddress';

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

  it('prints the istioctl, short (graph id) and trace styles', () => {
    const v6 = parseAddress({ socket_address: { address: 'fd00::7', port_value: 9080 } });
    const noPort = parseAddress({ socket_address: { address: '10.0.0.1' } });
    const pipe = parseAddress({ pipe: { path: '/var/run/sock' } });
    const internal = parseAddress({
      envoy_internal_address: { server_listener_name: 'connect_originate', endpoint_id: 'x:1' },
    });
    const unknown = parseAddress(undefined);
    const table = (style: AddressStyle): string[] =>
      [v6, noPort, pipe, internal, unknown].map((a) => formatAddress(a, style));
    expect(table('url')).toEqual([
      '[fd00::7]:9080',
      '10.0.0.1:0',
      'unix:///var/run/sock',
      'envoy://connect_originate/x:1',
      '',
    ]);
    expect(table('istioctl')).toEqual([
      'fd00::7:9080',
      '10.0.0.1:0',
      'unix:///var/run/sock',
      'envoy://connect_originate/x:1',
      'unknown',
    ]);
    expect(table('short')).toEqual([
      'fd00::7:9080',
      '10.0.0.1',
      'unix:/var/run/sock',
      'envoy://connect_originate/x:1',
      '?',
    ]);
    expect(table('trace')).toEqual([
      '[fd00::7]:9080',
      '10.0.0.1',
      'unix:/var/run/sock',
      'internal:connect_originate',
      '(unknown)',
    ]);
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
