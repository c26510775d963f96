import { describe, expect, it } from 'vitest';
import { parseRouteAction } from './parseRouteAction';

describe('parseRouteAction', () => {
  it('reads a cluster action with its forwarding options', () => {
    const a = parseRouteAction({
      route: {
        cluster: 'c',
        timeout: '5s',
        idle_timeout: '1m',
        retry_policy: { retry_on: '5xx', num_retries: 3, per_try_timeout: '1s' },
        prefix_rewrite: '/v2',
        regex_rewrite: { pattern: { regex: '^/a' }, substitution: '/b' },
        host_rewrite_literal: 'h',
        auto_host_rewrite: true,
      },
    });
    expect(a.kind).toBe('cluster');
    if (a.kind !== 'cluster') return;
    expect(a.cluster).toBe('c');
    expect(a.options).toMatchObject({
      timeout: '5s',
      idleTimeout: '1m',
      retryPolicy: { retryOn: '5xx', numRetries: 3, perTryTimeout: '1s' },
      prefixRewrite: '/v2',
      regexRewrite: { regex: '^/a', substitution: '/b' },
      hostRewriteLiteral: 'h',
      autoHostRewrite: true,
      mirrors: [],
    });
  });

  it('reads v2 host_rewrite and both mirror policy forms', () => {
    const v2 = parseRouteAction({
      route: { cluster: 'c', host_rewrite: 'h', request_mirror_policy: { cluster: 'm' } },
    });
    const v3 = parseRouteAction({
      route: {
        cluster: 'c',
        request_mirror_policies: [
          { cluster: 'm1', runtime_fraction: { default_value: { numerator: 50 } } },
          { cluster: 'm2' },
        ],
      },
    });
    expect(v2.kind === 'cluster' && v2.options.hostRewriteLiteral).toBe('h');
    expect(v2.kind === 'cluster' && v2.options.mirrors).toEqual([{ cluster: 'm' }]);
    expect(v3.kind === 'cluster' && v3.options.mirrors).toEqual([
      { cluster: 'm1', runtimeFraction: { numerator: 50, denominator: 100 } },
      { cluster: 'm2' },
    ]);
  });

  it('sums weighted clusters unless total_weight is set', () => {
    const summed = parseRouteAction({
      route: {
        weighted_clusters: {
          clusters: [
            { name: 'a', weight: 30 },
            { name: 'b', weight: '70' },
          ],
        },
      },
    });
    expect(summed).toMatchObject({ kind: 'weighted_clusters', totalWeight: 100 });
    const total = parseRouteAction({
      route: {
        weighted_clusters: {
          total_weight: 1000,
          runtime_key_prefix: 'rk',
          clusters: [{ name: 'a', weight: { value: 1 } }],
        },
      },
    });
    expect(total).toMatchObject({
      kind: 'weighted_clusters',
      totalWeight: 1000,
      runtimeKeyPrefix: 'rk',
    });
    expect(total.kind === 'weighted_clusters' && total.clusters[0]?.weight).toBe(1);
  });

  it('reads cluster_header, redirect, direct_response and non_forwarding', () => {
    expect(parseRouteAction({ route: { cluster_header: ':authority' } })).toMatchObject({
      kind: 'cluster_header',
      header: ':authority',
    });
    expect(
      parseRouteAction({
        redirect: { host_redirect: 'h', response_code: 'FOUND', strip_query: true },
      }),
    ).toEqual({
      kind: 'redirect',
      redirect: {
        hostRedirect: 'h',
        httpsRedirect: false,
        responseCode: 'FOUND',
        stripQuery: true,
      },
    });
    expect(parseRouteAction({ redirect: { https_redirect: true } })).toMatchObject({
      redirect: { httpsRedirect: true, responseCode: 'MOVED_PERMANENTLY' },
    });
    expect(
      parseRouteAction({ redirect: { path_redirect: '/x', responseCode: 3, port_redirect: 8443 } }),
    ).toMatchObject({
      redirect: { pathRedirect: '/x', responseCode: 'TEMPORARY_REDIRECT', portRedirect: 8443 },
    });
    expect(
      parseRouteAction({ direct_response: { status: 200, body: { inline_string: 'ok' } } }),
    ).toEqual({
      kind: 'direct_response',
      status: 200,
      body: 'ok',
    });
    // "aGVsbG8=" is base64 of "hello".
    expect(
      parseRouteAction({ directResponse: { status: '503', body: { inlineBytes: 'aGVsbG8=' } } }),
    ).toEqual({
      kind: 'direct_response',
      status: 503,
      body: 'hello',
    });
    expect(parseRouteAction({ direct_response: { status: 404 } })).toEqual({
      kind: 'direct_response',
      status: 404,
    });
    expect(parseRouteAction({ non_forwarding_action: {} })).toEqual({ kind: 'non_forwarding' });
    expect(parseRouteAction({ match: {} }).kind).toBe('unknown');
  });
});
