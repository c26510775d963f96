import { describe, expect, it } from 'vitest';
import { istioConfigOf } from './istioMetadata';
import type { JsonObject } from './model';

const withPath = (config: string): JsonObject => ({
  metadata: { filter_metadata: { istio: { config } } },
});
const dr = '/apis/networking.istio.io/v1/namespaces/shop/destination-rule/cart';
const vs = '/apis/networking.istio.io/v1alpha3/namespaces/shop/virtual-service/cart';

describe('istioConfigOf (remembers the last path)', () => {
  it('reads the same path twice into equal but separate objects', () => {
    const a = istioConfigOf(withPath(dr));
    const b = istioConfigOf(withPath(dr));
    expect(a).toEqual({ kind: 'DestinationRule', name: 'cart', namespace: 'shop', path: dr });
    expect(b).toEqual(a);
    expect(b).not.toBe(a);
  });

  it('follows a change of path, also back and forth and to an invalid one', () => {
    expect(istioConfigOf(withPath(vs))?.kind).toBe('VirtualService');
    expect(istioConfigOf(withPath(dr))?.kind).toBe('DestinationRule');
    expect(istioConfigOf(withPath('/not/a/config/path'))).toBeUndefined();
    expect(istioConfigOf(withPath('/not/a/config/path'))).toBeUndefined();
    expect(istioConfigOf(withPath(vs))?.path).toBe(vs);
    expect(istioConfigOf({ metadata: {} })).toBeUndefined();
  });
});
