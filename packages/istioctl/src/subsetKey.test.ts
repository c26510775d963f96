import { describe, expect, it } from 'vitest';
import { isSubsetKey, parseSubsetKey, sortKeyOf, subsetKeyLess } from './subsetKey';

describe('Istio cluster names (istioctl ParseSubsetKey)', () => {
  it('decodes direction|port|subset|host', () => {
    expect(parseSubsetKey('outbound|9080|v1|reviews.default.svc.cluster.local')).toEqual({
      direction: 'outbound',
      port: 9080,
      subset: 'v1',
      host: 'reviews.default.svc.cluster.local',
    });
    expect(
      parseSubsetKey('inbound-vip|8000|http|httpbin.default.svc.cluster.local').direction,
    ).toBe('inbound-vip');
  });

  it('only names with more than three | parts are Istio names', () => {
    expect(isSubsetKey('outbound|15004||istio-policy')).toBe(true);
    expect(isSubsetKey('xds-grpc')).toBe(false);
    expect(isSubsetKey('a|b|c')).toBe(false);
  });

  it('keeps istioctl edge cases: a non-numeric port is 0, a fifth part empties the host', () => {
    expect(parseSubsetKey('outbound|http||h').port).toBe(0);
    expect(parseSubsetKey('outbound|80||h|extra').host).toBe('');
  });

  it('sorts by host, then subset, port, direction; plain names by the whole name', () => {
    const names = [
      'outbound|9080|v2|reviews',
      'outbound|9080|v1|reviews',
      'agent',
      'inbound|9080||reviews',
      'outbound|80||reviews',
    ];
    const sorted = [...names].sort((a, b) =>
      subsetKeyLess(sortKeyOf(a), sortKeyOf(b))
        ? -1
        : subsetKeyLess(sortKeyOf(b), sortKeyOf(a))
          ? 1
          : 0,
    );
    expect(sorted).toEqual([
      'agent',
      'outbound|80||reviews',
      'inbound|9080||reviews',
      'outbound|9080|v1|reviews',
      'outbound|9080|v2|reviews',
    ]);
  });
});
