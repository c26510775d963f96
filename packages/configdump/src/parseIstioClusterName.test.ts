import { describe, expect, it } from 'vitest';
import { parseIstioClusterName } from './parseIstioClusterName';

describe('parseIstioClusterName', () => {
  it('decodes outbound names with and without subset', () => {
    expect(parseIstioClusterName('outbound|9080|v1|reviews.default.svc.cluster.local')).toEqual({
      direction: 'outbound',
      port: 9080,
      subset: 'v1',
      host: 'reviews.default.svc.cluster.local',
    });
    expect(
      parseIstioClusterName('outbound|443||istio-galley.istio-system.svc.cluster.local'),
    ).toEqual({
      direction: 'outbound',
      port: 443,
      subset: '',
      host: 'istio-galley.istio-system.svc.cluster.local',
    });
  });

  it('decodes modern and legacy inbound names and ambient inbound-vip', () => {
    expect(parseIstioClusterName('inbound|9080||')).toEqual({
      direction: 'inbound',
      port: 9080,
      subset: '',
      host: '',
    });
    expect(
      parseIstioClusterName('inbound|9080|http|productpage.default.svc.cluster.local'),
    ).toEqual({
      direction: 'inbound',
      port: 9080,
      subset: 'http',
      host: 'productpage.default.svc.cluster.local',
    });
    expect(
      parseIstioClusterName('inbound-vip|8000|http|httpbin.default.svc.cluster.local')?.direction,
    ).toBe('inbound-vip');
  });

  it('accepts a 3-part dir|port|host name', () => {
    expect(parseIstioClusterName('outbound|80|example.com')).toEqual({
      direction: 'outbound',
      port: 80,
      subset: '',
      host: 'example.com',
    });
  });

  it('returns undefined for non-Istio names', () => {
    for (const n of [
      'BlackHoleCluster',
      'PassthroughCluster',
      'prometheus_stats',
      'inbound|http|9080',
      'sideways|80||x',
      'outbound|80',
      'a|b|c|d|e',
      'outbound_.9080',
      'sideways_.80_._.x',
      'outbound_.http_._.x',
      '',
    ]) {
      expect(parseIstioClusterName(n), n).toBeUndefined();
    }
  });
});

describe('parseIstioClusterName on Istio 1.3 `_.` names', () => {
  // Cluster names of config-dumps/istio13-ingressgateway-hybrid-v3admin-v2api.json (the fixtures
  // folder is not read from this pure package's tests; these are copied as they are).
  const real = [
    'outbound_.15010_._.istio-pilot.istio-system.svc.cluster.local',
    'outbound_.15014_._.istio-pilot.istio-system.svc.cluster.local',
    'outbound_.15030_._.istio-ingressgateway.istio-system.svc.cluster.local',
    'outbound_.1_._.ff.default.svc.cluster.local',
    'outbound_.443_._.metrics-server.kube-system.svc.cluster.local',
    'outbound_.53_._.kube-dns.kube-system.svc.cluster.local',
    'outbound_.80_._.public-cr943f03ffec22400ba82dd6abf6a21cd9-alb1.kube-system.svc.cluster.local',
    'outbound_.8888_._.myhost.tcp.svc',
    'outbound_.9000_.v1_.tcp-echo.default.svc.cluster.local',
    'outbound_.9080_._.productpage.default.svc.cluster.local',
  ];

  it('decodes the underscore form with and without subset', () => {
    expect(
      parseIstioClusterName('outbound_.15010_._.istio-pilot.istio-system.svc.cluster.local'),
    ).toEqual({
      direction: 'outbound',
      port: 15010,
      subset: '',
      host: 'istio-pilot.istio-system.svc.cluster.local',
    });
    expect(parseIstioClusterName('outbound_.9000_.v1_.tcp-echo.default.svc.cluster.local')).toEqual(
      {
        direction: 'outbound',
        port: 9000,
        subset: 'v1',
        host: 'tcp-echo.default.svc.cluster.local',
      },
    );
    // An SNI of the istio 1.3 productpage sidecar (a subset with a dash).
    expect(
      parseIstioClusterName('outbound_.9080_.v2-mysql_.ratings.default.svc.cluster.local')?.subset,
    ).toBe('v2-mysql');
  });

  it('every real name decodes to its own tuple, which gives the name back', () => {
    const tuples = new Set<string>();
    for (const n of real) {
      const p = parseIstioClusterName(n);
      expect(p, n).toBeDefined();
      expect(`${p!.direction}_.${p!.port ?? ''}_.${p!.subset}_.${p!.host}`).toBe(n);
      expect(p!.host, n).toMatch(/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/);
      tuples.add(JSON.stringify(p));
    }
    expect(tuples.size).toBe(real.length);
  });
});
