import type { JsonValue } from '@meshlens/configdump';
import { describe, expect, it } from 'vitest';
import { redactDump } from './redactDump';

const jwt =
  'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLWJ5dGVzLWhlcmU';

const listener: JsonValue = {
  name: '10.1.2.3_9080',
  address: { socket_address: { address: '10.1.2.3', port_value: 9080 } },
  filter_chains: [
    {
      filter_chain_match: { prefix_ranges: [{ address_prefix: '10.1.0.0', prefix_len: 16 }] },
      filters: [
        {
          name: 'envoy.filters.network.http_connection_manager',
          typed_config: {
            '@type':
              'type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager',
            route_config: {
              virtual_hosts: [
                {
                  name: 'reviews.default.svc.cluster.local:9080',
                  domains: [
                    'reviews.default.svc.cluster.local',
                    'reviews',
                    'reviews.default',
                    '[fd00::5]:9080',
                  ],
                  request_headers_to_add: [
                    { header: { key: 'authorization', value: `Bearer ${jwt}` } },
                  ],
                  routes: [
                    {
                      match: {
                        prefix: '/',
                        headers: [{ name: 'x-api-key', exact_match: 'k3y-s3cr3t' }],
                      },
                      route: { cluster: 'outbound|9080|v1|reviews.default.svc.cluster.local' },
                    },
                  ],
                },
              ],
            },
          },
        },
      ],
    },
  ],
};

describe('redactDump', () => {
  it('replaces IPs inside names and CIDRs consistently, v6 too, and keeps wildcards', () => {
    const { json, report } = redactDump(listener);
    const text = JSON.stringify(json);
    const ip = report.mapping.ip['10.1.2.3']!;
    expect(ip).toMatch(/^(24\d|25[0-4])\.\d+\.\d+\.\d+$/);
    expect(text).toContain(`"name":"${ip}_9080"`);
    expect(text).toContain(`"address":"${ip}"`);
    expect(text).not.toMatch(/10\.1\./);
    expect(report.mapping.ip['fd00::5']).toMatch(/^2001:db8::/);
    expect(redactDump({ a: '0.0.0.0', b: '127.0.0.1', c: '::' }).json).toEqual({
      a: '0.0.0.0',
      b: '127.0.0.1',
      c: '::',
    });
  });

  it('replaces tokens: JWTs, Bearer credentials and credential header values', () => {
    const { json, report } = redactDump(listener);
    const text = JSON.stringify(json);
    expect(text).not.toContain(jwt.slice(0, 30));
    expect(text).not.toContain('k3y-s3cr3t');
    expect(text).toMatch(/"value":"Bearer redacted-token-[0-9a-f]{8}"/);
    expect(text).toContain('"name":"x-api-key"');
    expect(report.counts.token).toBe(2);
  });

  it('maps hostnames label by label, keeping dots and .svc.cluster.local; namespaces only when asked', () => {
    const hosts = JSON.stringify(redactDump(listener, { hostnames: true }).json);
    expect(hosts).not.toMatch(/reviews/);
    expect(hosts).toMatch(/"h-[0-9a-f]{8}\.default\.svc\.cluster\.local"/);
    expect(hosts).toContain('envoy.filters.network.http_connection_manager');
    const both = redactDump(listener, { hostnames: true, namespaces: true });
    const text = JSON.stringify(both.json);
    const ns = both.report.mapping.namespace.default!;
    const h = both.report.mapping.hostname.reviews!;
    expect(text).toContain(`"outbound|9080|v1|${h}.${ns}.svc.cluster.local"`);
    expect(text).toContain(`"${h}.${ns}"`);
    expect(text).not.toMatch(/default/);
  });

  it('replaces a service short name only where it is a hostname, not in a route, header value or stat prefix', () => {
    const dump: JsonValue = {
      domains: ['reviews', 'reviews:9080'],
      name: 'reviews',
      stat_prefix: 'reviews_http',
      header: { key: 'x-team', value: 'reviews' },
      cluster: 'outbound|9080||reviews.default.svc.cluster.local',
      sni: 'outbound_.9080_._.reviews.default.svc.cluster.local',
    };
    const { json, report } = redactDump(dump, { hostnames: true });
    const h = report.mapping.hostname.reviews!;
    expect(json).toEqual({
      domains: [h, `${h}:9080`],
      name: 'reviews',
      stat_prefix: 'reviews_http',
      header: { key: 'x-team', value: 'reviews' },
      cluster: `outbound|9080||${h}.default.svc.cluster.local`,
      sni: `outbound_.9080_._.${h}.default.svc.cluster.local`,
    });
  });

  it('replaces certificate and key bytes by PEM placeholders, the same value by the same placeholder', () => {
    const cert = Buffer.from(
      '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
    ).toString('base64');
    const secret = (name: string): JsonValue => ({
      name,
      tls_certificate: {
        certificate_chain: { inline_bytes: cert },
        private_key: {
          inline_string: '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n',
        },
      },
    });
    const { json, report } = redactDump({ secrets: [secret('a'), secret('b')] });
    const [a, b] = (
      json as {
        secrets: {
          tls_certificate: {
            certificate_chain: { inline_bytes: string };
            private_key: { inline_string: string };
          };
        }[];
      }
    ).secrets;
    const pem = Buffer.from(a!.tls_certificate.certificate_chain.inline_bytes, 'base64').toString();
    expect(pem).toMatch(
      /^-----BEGIN CERTIFICATE-----\n[A-Za-z0-9+/=]+\n-----END CERTIFICATE-----\n$/,
    );
    expect(a!.tls_certificate.private_key.inline_string).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(b!.tls_certificate).toEqual(a!.tls_certificate);
    expect(JSON.stringify(json)).not.toContain('MIIE');
    expect(report.counts).toMatchObject({ certificate: 2, private_key: 2 });
  });

  it('is idempotent', () => {
    const once = redactDump(listener, { hostnames: true, namespaces: true }).json;
    const twice = redactDump(once, { hostnames: true, namespaces: true });
    expect(twice.json).toEqual(once);
    expect(twice.report.counts).toMatchObject({ ip: 0, hostname: 0, namespace: 0, token: 0 });
  });
});
