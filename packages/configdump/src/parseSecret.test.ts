import { describe, expect, it } from 'vitest';
import type { JsonObject } from './model';
import { parseSecret } from './parseSecret';

describe('parseSecret', () => {
  it('names the kind after what the secret holds', () => {
    const kind = (s: JsonObject | undefined) => parseSecret(s, 'n', { state: 'active' }).kind;
    expect(kind({ tls_certificate: {} })).toBe('cert_chain');
    expect(kind({ validationContext: {} })).toBe('ca');
    expect(kind({ session_ticket_keys: {} })).toBe('session_ticket');
    expect(kind({ generic_secret: {} })).toBe('generic');
    expect(kind({})).toBe('unknown');
    expect(kind(undefined)).toBe('unknown');
  });

  it('keeps state, version and the raw secret; a warming secret may have none', () => {
    const raw = {
      name: 'default',
      tls_certificate: { certificate_chain: { filename: '/etc/certs/cert-chain.pem' } },
    };
    const s = parseSecret(raw, 'default', { state: 'active', versionInfo: 'v1', lastUpdated: 't' });
    expect(s).toMatchObject({
      name: 'default',
      state: 'active',
      versionInfo: 'v1',
      lastUpdated: 't',
      certificates: [],
    });
    expect(s.raw).toBe(raw);
    expect(parseSecret(undefined, 'configmap://x', { state: 'warming' })).toMatchObject({
      name: 'configmap://x',
      state: 'warming',
      raw: null,
    });
  });

  it('ignores certificate data it cannot read', () => {
    const s = parseSecret(
      { tls_certificate: { certificate_chain: { inline_string: 'not a pem' } } },
      'x',
      { state: 'active' },
    );
    expect(s.certificates).toEqual([]);
  });
});
