import { describe, expect, it } from 'vitest';
import { isValidProxyId, parseNodeId, splitProxyId } from './proxyId';

describe('proxy ids', () => {
  it('splits <pod>.<namespace> at the last dot (pod names may contain dots)', () => {
    expect(splitProxyId('reviews-v1-abc.bookinfo')).toEqual({
      name: 'reviews-v1-abc',
      namespace: 'bookinfo',
    });
    expect(splitProxyId('web.v2.default')).toEqual({ name: 'web.v2', namespace: 'default' });
    expect(splitProxyId('lonely')).toEqual({ name: 'lonely', namespace: '' });
  });

  it('reads Istio node ids', () => {
    expect(
      parseNodeId(
        'router~10.1.1.1~istio-ingressgateway-x.istio-system~istio-system.svc.cluster.local',
      ),
    ).toEqual({
      type: 'router',
      proxyId: 'istio-ingressgateway-x.istio-system',
    });
    expect(parseNodeId('plain-envoy')).toBeUndefined();
  });

  it('accepts only DNS-shaped <pod>.<namespace>', () => {
    expect(isValidProxyId('productpage-v1-123.bookinfo')).toBe(true);
    for (const bad of [
      '',
      'nodot',
      '../etc.passwd',
      'a.b/c',
      'UP.per',
      'a..b',
      'a.b?x=1',
      `${'a'.repeat(400)}.ns`,
    ]) {
      expect(isValidProxyId(bad), bad).toBe(false);
    }
  });
});
