import type { RouteConfig } from '@meshlens/configdump';
import { describe, expect, it } from 'vitest';
import { headerFirst } from './headerList';
import { readRouteConfiguration } from './readRouteConfiguration';
import type { HttpRequest } from './routeRequest';
import { traceRoute } from './traceRoute';

const YAML = `
name: "9080"
ignore_port_in_host_matching: true
virtual_hosts:
- name: reviews.default.svc.cluster.local:9080
  domains: [reviews.default.svc.cluster.local, reviews]
  routes:
  - name: canary
    match:
      prefix: /
      runtime_fraction: { default_value: { numerator: 10 }, runtime_key: canary }
    route: { cluster: canary }
  - name: jason
    match:
      prefix: /
      headers: [{ name: end-user, string_match: { exact: jason } }]
    route: { cluster: v2, timeout: 0s, retry_policy: { retry_on: 5xx, num_retries: 2 } }
  - name: query
    match:
      path_separated_prefix: /api
      query_parameters: [{ name: debug, present_match: true }]
    route: { cluster: debug, regex_rewrite: { pattern: { regex: "^/api/(.*)$" }, substitution: "/\\\\1" } }
  - name: split
    match: { safe_regex: { regex: "/reviews/[0-9]+" } }
    route:
      weighted_clusters:
        clusters: [{ name: v1, weight: 50 }, { name: v3, weight: 50 }]
`;

function config(): RouteConfig {
  const r = readRouteConfiguration(YAML);
  if (!r.ok) throw new Error(r.error);
  return r.routeConfig;
}
const req = (over: Partial<HttpRequest>): HttpRequest => ({
  authority: 'reviews:9080',
  path: '/reviews/1',
  method: 'GET',
  scheme: 'http',
  headers: [],
  ...over,
});

describe('traceRoute', () => {
  it('routes by header and explains why earlier routes lost', () => {
    const t = traceRoute(config(), req({ headers: [['End-User', 'jason']], randomValue: 50 }));
    expect(t.outcome).toBe('forward');
    expect(t.cluster).toBe('v2');
    expect(t.route?.name).toBe('jason');
    expect(t.rejected.map((r) => r.name)).toEqual(['canary']);
    expect(t.rejected[0]?.reason).toMatch(/50 % 100 = 50 >= 10/);
    expect(t.timeoutSeconds).toBe(0);
    expect(t.retryPolicy?.numRetries).toBe(2);
  });

  it('reports a probabilistic route and a weighted split when no random value is known', () => {
    const t = traceRoute(config(), req({}));
    expect(t.rejected[0]?.probability).toBeCloseTo(0.1);
    expect(t.cluster).toBeUndefined();
    expect(t.weighted?.branches.map((b) => [b.name, b.percent])).toEqual([
      ['v1', 50],
      ['v3', 50],
    ]);
    expect(traceRoute(config(), req({ randomValue: 120 })).cluster).toBe('v1');
    expect(traceRoute(config(), req({ randomValue: 170 })).cluster).toBe('v3');
    expect(traceRoute(config(), req({ randomValue: 5 })).cluster).toBe('canary');
  });

  it('honours runtime overrides in production mode', () => {
    expect(
      traceRoute(config(), req({ randomValue: 5, runtime: { canary: 0 } })).route?.name,
    ).not.toBe('canary');
  });

  it('matches whole path segments, query presence and rewrites with RE2 substitutions', () => {
    const t = traceRoute(config(), req({ path: '/api/x?debug', randomValue: 99 }));
    expect(t.cluster).toBe('debug');
    expect(headerFirst(t.requestHeaders, ':path')).toBe('/x?debug');
    const notSegment = traceRoute(config(), req({ path: '/apix?debug', randomValue: 99 }));
    expect(notSegment.outcome).toBe('no_route');
    expect(notSegment.rejected.map((r) => r.reason).join('\n')).toMatch(/whole segments/);
  });

  it('ignores the port only because the route config says so', () => {
    expect(traceRoute(config(), req({ authority: 'reviews:1234', randomValue: 60 })).outcome).toBe(
      'forward',
    );
    const strict = { ...config(), raw: {} };
    expect(traceRoute(strict, req({ randomValue: 60 })).outcome).toBe('no_route');
  });
});
