import { describe, expect, it } from 'vitest';
import { egressHostAllows, hostMatches, labelsMatch, resolveHost } from './istioHost';

describe('istio host rules', () => {
  it('resolves short names relative to the namespace of the object', () => {
    expect(resolveHost('reviews', 'bookinfo')).toBe('reviews.bookinfo.svc.cluster.local');
    expect(resolveHost('reviews.other.svc.cluster.local', 'bookinfo')).toBe(
      'reviews.other.svc.cluster.local',
    );
    expect(resolveHost('*', 'bookinfo')).toBe('*');
  });
  it('matches wildcard hosts', () => {
    expect(hostMatches('*.msn.com', 'www.msn.com')).toBe(true);
    expect(hostMatches('*.msn.com', 'msn.com')).toBe(false);
    expect(hostMatches('*', 'anything')).toBe(true);
  });
  it('reads Sidecar egress namespace/host specs', () => {
    expect(
      egressHostAllows(
        'istio-system/*',
        'shop',
        'istiod.istio-system.svc.cluster.local',
        'istio-system',
      ),
    ).toBe(true);
    expect(egressHostAllows('istio-system/*', 'shop', 'cart.shop.svc.cluster.local', 'shop')).toBe(
      false,
    );
    expect(egressHostAllows('./*', 'shop', 'cart.shop.svc.cluster.local', 'shop')).toBe(true);
    expect(egressHostAllows('~/*', 'shop', 'cart.shop.svc.cluster.local', 'shop')).toBe(false);
    expect(
      egressHostAllows('*/cart.shop.svc.cluster.local', 'x', 'cart.shop.svc.cluster.local', 'shop'),
    ).toBe(true);
  });
  it('matches label selectors', () => {
    expect(labelsMatch({ app: 'a' }, { app: 'a', version: 'v1' })).toBe(true);
    expect(labelsMatch({ app: 'a', version: 'v2' }, { app: 'a', version: 'v1' })).toBe(false);
  });
});
