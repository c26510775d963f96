import { parseConfigDump, type Listener } from '@meshlens/configdump';
import { describe, expect, it } from 'vitest';
import type { EffectiveConnection } from './connection';
import { selectFilterChain } from './selectFilterChain';

function listener(chains: object[], defaultChain?: object): Listener {
  const l = {
    name: 'l',
    address: { socket_address: { address: '0.0.0.0', port_value: 15006 } },
    filter_chains: chains,
    ...(defaultChain ? { default_filter_chain: defaultChain } : {}),
  };
  const r = parseConfigDump(
    JSON.stringify({
      configs: [
        {
          '@type': 'type.googleapis.com/envoy.admin.v3.ListenersConfigDump',
          static_listeners: [{ listener: l }],
        },
      ],
    }),
  );
  if (!r.ok || !r.dump.listeners[0]) throw new Error('bad listener');
  return r.dump.listeners[0];
}
const conn = (over: Partial<EffectiveConnection>): EffectiveConnection => ({
  localPort: 9080,
  localIp: '10.0.0.5',
  transportProtocol: 'raw_buffer',
  serverName: '',
  applicationProtocols: [],
  isLocal: false,
  notes: [],
  ...over,
});
const chain = (name: string, match: object): object => ({
  name,
  filter_chain_match: match,
  filters: [],
});

describe('selectFilterChain (greedy, most specific first, no backtracking)', () => {
  const strict = listener([
    chain('tls-9080', { destination_port: 9080, transport_protocol: 'tls' }),
    chain('passthrough', {}),
  ]);

  it('does not fall back to port-less chains when the port bucket fails (STRICT mTLS rejects plaintext)', () => {
    const s = selectFilterChain(strict, conn({}));
    expect(s.via).toBe('none');
    expect(s.explanation.join(' ')).toMatch(/never falls back/);
    expect(selectFilterChain(strict, conn({ transportProtocol: 'tls' })).chain?.name).toBe(
      'tls-9080',
    );
    expect(selectFilterChain(strict, conn({ localPort: 7777 })).chain?.name).toBe('passthrough');
  });

  it('uses the default chain when the descent fails', () => {
    const l = listener([chain('tls-only', { transport_protocol: 'tls' })], {
      name: 'fallback',
      filters: [],
    });
    const s = selectFilterChain(l, conn({}));
    expect(s.via).toBe('default');
    expect(s.chain?.name).toBe('fallback');
  });

  it('picks the longest destination prefix, then SNI exact over wildcard over none', () => {
    const l = listener([
      chain('wide', { prefix_ranges: [{ address_prefix: '10.0.0.0', prefix_len: 8 }] }),
      chain('narrow-exact', {
        prefix_ranges: [{ address_prefix: '10.0.0.0', prefix_len: 24 }],
        server_names: ['a.example.com'],
      }),
      chain('narrow-wild', {
        prefix_ranges: [{ address_prefix: '10.0.0.0', prefix_len: 24 }],
        server_names: ['*.example.com'],
      }),
      chain('narrow-none', { prefix_ranges: [{ address_prefix: '10.0.0.0', prefix_len: 24 }] }),
    ]);
    expect(selectFilterChain(l, conn({ serverName: 'a.example.com' })).chain?.name).toBe(
      'narrow-exact',
    );
    expect(selectFilterChain(l, conn({ serverName: 'x.y.example.com' })).chain?.name).toBe(
      'narrow-wild',
    );
    expect(selectFilterChain(l, conn({ serverName: 'other.org' })).chain?.name).toBe('narrow-none');
    expect(selectFilterChain(l, conn({ localIp: '10.9.9.9' })).chain?.name).toBe('wide');
  });

  it('walks offered ALPNs in client order', () => {
    const l = listener([
      chain('h2', { application_protocols: ['h2'] }),
      chain('http11', { application_protocols: ['http/1.1'] }),
    ]);
    expect(
      selectFilterChain(l, conn({ applicationProtocols: ['http/1.1', 'h2'] })).chain?.name,
    ).toBe('http11');
    expect(
      selectFilterChain(l, conn({ applicationProtocols: ['h2', 'http/1.1'] })).chain?.name,
    ).toBe('h2');
    expect(selectFilterChain(l, conn({ applicationProtocols: ['h3'] })).via).toBe('none');
  });
});
