import { describe, expect, it } from 'vitest';
import type { HeaderList } from './headerList';
import { redirectUri } from './redirectUri';

const h = (authority: string, path: string, proto = 'http'): HeaderList => [
  [':authority', authority],
  [':path', path],
  ['x-forwarded-proto', proto],
];
const base = { httpsRedirect: false, responseCode: 'MOVED_PERMANENTLY', stripQuery: false };

describe('redirectUri (Envoy newUri)', () => {
  it('keeps the query unless path_redirect has its own, and strips it on request', () => {
    expect(redirectUri({ ...base, pathRedirect: '/new' }, h('a.com', '/old?x=1'))).toBe(
      'http://a.com/new?x=1',
    );
    expect(
      redirectUri({ ...base, pathRedirect: '/new?y=2', stripQuery: true }, h('a.com', '/old?x=1')),
    ).toBe('http://a.com/new?y=2');
    expect(redirectUri({ ...base, stripQuery: true }, h('a.com', '/old?x=1'))).toBe(
      'http://a.com/old',
    );
  });
  it('drops the default port of the old scheme when the scheme changes, and on a port redirect', () => {
    expect(redirectUri({ ...base, httpsRedirect: true }, h('a.com:80', '/'))).toBe(
      'https://a.com/',
    );
    expect(redirectUri({ ...base, httpsRedirect: true }, h('a.com:8080', '/'))).toBe(
      'https://a.com:8080/',
    );
    expect(redirectUri({ ...base, portRedirect: 8443 }, h('a.com:80', '/p'))).toBe(
      'http://a.com:8443/p',
    );
    expect(
      redirectUri({ ...base, schemeRedirect: 'https', hostRedirect: 'b.com' }, h('a.com', 'p')),
    ).toBe('https://b.com/p');
  });
});
