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
      '',
    ]) {
      expect(parseIstioClusterName(n), n).toBeUndefined();
    }
  });
});
