import { describe, expect, it } from 'vitest';
import { parseIstioConfigPath } from './parseIstioConfigPath';

describe('parseIstioConfigPath', () => {
  it('maps the kebab-case kind to the Istio kind', () => {
    const p = '/apis/networking.istio.io/v1alpha3/namespaces/default/virtual-service/reviews';
    expect(parseIstioConfigPath(p)).toEqual({
      kind: 'VirtualService',
      name: 'reviews',
      namespace: 'default',
      path: p,
    });
    expect(
      parseIstioConfigPath(
        '/apis/networking/v1alpha3/namespaces/bookinfo/destination-rule/ratings',
      ),
    ).toMatchObject({ kind: 'DestinationRule', name: 'ratings', namespace: 'bookinfo' });
    expect(
      parseIstioConfigPath('/apis/networking.istio.io/v1/namespaces/ns/service-entry/ext')?.kind,
    ).toBe('ServiceEntry');
  });

  it('PascalCases kinds it does not know', () => {
    expect(parseIstioConfigPath('/apis/x.io/v1/namespaces/a/some-new-thing/b')?.kind).toBe(
      'SomeNewThing',
    );
  });

  it('returns undefined for other strings', () => {
    for (const p of [
      '',
      'reviews',
      '/apis/networking.istio.io/v1alpha3/virtual-service/reviews',
      '/apis/networking.istio.io/v1alpha3/namespaces//virtual-service/reviews',
      'apis/networking.istio.io/v1alpha3/namespaces/default/virtual-service/reviews',
    ]) {
      expect(parseIstioConfigPath(p), p).toBeUndefined();
    }
  });
});
