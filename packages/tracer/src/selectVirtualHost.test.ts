import type { RouteConfig, VirtualHost } from '@meshlens/configdump';
import { describe, expect, it } from 'vitest';
import { selectVirtualHost, splitHostPort } from './selectVirtualHost';

function vh(name: string, domains: string[]): VirtualHost {
  return { name, domains, routes: [], requireTls: 'NONE', raw: {} };
}
function rc(...hosts: VirtualHost[]): RouteConfig {
  return { name: 'rc', virtualHosts: hosts, inline: false, state: 'static', raw: {} };
}

const config = rc(
  vh('exact', ['www.example.com']),
  vh('short-suffix', ['*.com']),
  vh('long-suffix', ['*.example.com']),
  vh('dash-suffix', ['*-bar.example.com']),
  vh('prefix', ['api.*']),
  vh('longer-prefix', ['api.example.*']),
  vh('default', ['*']),
);

describe('selectVirtualHost', () => {
  it.each([
    ['www.example.com', 'exact', 'exact'],
    ['WWW.Example.COM', 'exact', 'exact'],
    ['a.b.example.com', 'long-suffix', 'suffix_wildcard'],
    ['foo-bar.example.com', 'dash-suffix', 'suffix_wildcard'],
    ['other.com', 'short-suffix', 'suffix_wildcard'],
    ['api.example.org', 'longer-prefix', 'prefix_wildcard'],
    ['api.other', 'prefix', 'prefix_wildcard'],
    ['unknown', 'default', 'default'],
  ])('%s -> %s', (host, name, rule) => {
    const s = selectVirtualHost(config, host);
    expect(s.virtualHost?.name).toBe(name);
    expect(s.rule).toBe(rule);
  });

  it('requires the wildcard to cover at least one character', () => {
    expect(selectVirtualHost(config, '-bar.example.com').virtualHost?.name).toBe('long-suffix');
    expect(selectVirtualHost(rc(vh('s', ['*.foo.com'])), '.foo.com').virtualHost).toBeUndefined();
  });

  it('compares ports unless they are ignored or stripped', () => {
    const c = rc(vh('reviews', ['reviews']));
    expect(selectVirtualHost(c, 'reviews:9080').virtualHost).toBeUndefined();
    expect(selectVirtualHost(c, 'reviews:9080', { ignorePort: true }).virtualHost?.name).toBe(
      'reviews',
    );
    expect(
      selectVirtualHost(c, 'reviews:9080', { stripMatchingPort: 9080 }).virtualHost?.name,
    ).toBe('reviews');
    expect(
      selectVirtualHost(c, 'reviews:9081', { stripMatchingPort: 9080 }).virtualHost,
    ).toBeUndefined();
  });

  it('uses a lone "*" virtual host even without a host header, and 404s otherwise', () => {
    expect(selectVirtualHost(rc(vh('only', ['*'])), undefined).rule).toBe('only_wildcard');
    expect(selectVirtualHost(config, '').virtualHost).toBeUndefined();
  });

  it('splits ports like Envoy (IPv6 brackets)', () => {
    expect(splitHostPort('[::1]:80')).toEqual({ host: '[::1]', port: '80' });
    expect(splitHostPort('[::1]')).toEqual({ host: '[::1]' });
    expect(splitHostPort('a:1')).toEqual({ host: 'a', port: '1' });
  });
});
