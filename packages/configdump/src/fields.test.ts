import { describe, expect, it } from 'vitest';
import {
  arr,
  bool,
  extensionConfig,
  field,
  num,
  objArr,
  shortTypeName,
  str,
  toCamel,
} from './fields';
import type { JsonObject } from './model';

describe('field readers', () => {
  it('converts snake_case keys to camelCase', () => {
    expect(toCamel('dynamic_active_clusters')).toBe('dynamicActiveClusters');
    expect(toCamel('port_value')).toBe('portValue');
    expect(toCamel('name')).toBe('name');
    expect(toCamel('ipv4_compat')).toBe('ipv4Compat');
  });

  it('reads a field by its snake_case or camelCase key, preferring snake_case', () => {
    expect(field({ port_value: 1 }, 'port_value')).toBe(1);
    expect(field({ portValue: 2 }, 'port_value')).toBe(2);
    expect(field({ port_value: 1, portValue: 2 }, 'port_value')).toBe(1);
    expect(field({ other: 3 }, 'port_value')).toBeUndefined();
  });

  it('never returns inherited Object.prototype members', () => {
    expect(field({}, 'constructor')).toBeUndefined();
    expect(field({}, 'to_string')).toBeUndefined();
  });

  it('reads numbers from numbers, decimal strings and wrapper objects', () => {
    const o: JsonObject = { a: 5, b: '42', c: { value: 7 }, d: 'x', e: '', f: true };
    expect(num(o, 'a')).toBe(5);
    expect(num(o, 'b')).toBe(42);
    expect(num(o, 'c')).toBe(7);
    expect(num(o, 'd')).toBeUndefined();
    expect(num(o, 'e')).toBeUndefined();
    expect(num(o, 'f')).toBeUndefined();
  });

  it('reads booleans and BoolValue wrappers, nothing else', () => {
    expect(bool({ a: false }, 'a')).toBe(false);
    expect(bool({ a: { value: true } }, 'a')).toBe(true);
    expect(bool({ a: 'true' }, 'a')).toBeUndefined();
  });

  it('reads strings and lists with type checks', () => {
    expect(str({ a: 1 }, 'a')).toBeUndefined();
    expect(str({ aB: 'x' }, 'a_b')).toBe('x');
    expect(arr({ a: {} }, 'a')).toEqual([]);
    expect(objArr({ a: [1, { b: 1 }, null, [2]] }, 'a')).toEqual([{ b: 1 }]);
  });

  it('names types by their last segment', () => {
    expect(shortTypeName('type.googleapis.com/envoy.config.cluster.v3.Cluster')).toBe('Cluster');
    expect(shortTypeName('envoy.api.v2.Listener')).toBe('Listener');
    expect(shortTypeName(undefined)).toBeUndefined();
  });

  it('unwraps typed_config, TypedStruct and the v2 config Struct', () => {
    const typed = { '@type': 'type.googleapis.com/x.v3.Foo', a: 1 };
    expect(extensionConfig({ typed_config: typed })).toEqual({
      typeUrl: typed['@type'],
      config: typed,
    });
    const ts = {
      '@type': 'type.googleapis.com/udpa.type.v1.TypedStruct',
      type_url: 'type.googleapis.com/io.istio.Foo',
      value: { b: 2 },
    };
    expect(extensionConfig({ typedConfig: ts })).toEqual({
      typeUrl: 'type.googleapis.com/io.istio.Foo',
      config: { b: 2 },
    });
    expect(extensionConfig({ config: { c: 3 } })).toEqual({ config: { c: 3 } });
    expect(extensionConfig({})).toEqual({});
  });
});
