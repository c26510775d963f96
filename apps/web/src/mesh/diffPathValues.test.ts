import { readFileSync } from 'node:fs';
import type { JsonValue } from '@meshlens/configdump';
import { describe, expect, it } from 'vitest';
import { describeFixtures, fixture } from '../../../../tests/conformance/fixtures';
import { diffFields, shortJson, valueAtPath } from './diffPathValues';

describe('valueAtPath', () => {
  const resource: JsonValue = {
    name: 'outbound|9080||reviews',
    connect_timeout: '10s',
    metadata: { filter_metadata: { 'envoy.lb': { canary: true }, envoy: { x: 1 } } },
    hosts: [{ socket_address: { port_value: 9080 } }, { socket_address: { port_value: 9081 } }],
  };

  it('follows camelCase paths through snake_case keys and array indices', () => {
    expect(valueAtPath(resource, 'connectTimeout')).toBe('10s');
    expect(valueAtPath(resource, 'hosts[1].socketAddress.portValue')).toBe(9081);
    expect(valueAtPath(resource, 'hosts[1]')).toEqual({ socket_address: { port_value: 9081 } });
    expect(valueAtPath(resource, '(root)')).toBe(resource);
  });

  it('prefers the longest key when keys contain dots', () => {
    expect(valueAtPath(resource, 'metadata.filterMetadata.envoy.lb.canary')).toBe(true);
    expect(valueAtPath(resource, 'metadata.filterMetadata.envoy.x')).toBe(1);
  });

  it('is undefined for a path the value does not have', () => {
    expect(valueAtPath(resource, 'hosts[5]')).toBeUndefined();
    expect(valueAtPath(resource, 'connectTimeout.seconds')).toBeUndefined();
    expect(valueAtPath(resource, 'nope')).toBeUndefined();
  });
});

describeFixtures('diffFields on a real cluster changed by hand', () => {
  const text = readFileSync(
    fixture('config-dumps', 'istio13rc-productpage-sidecar-v2alpha.json'),
    'utf8',
  );
  const dump = JSON.parse(text) as {
    configs: { dynamic_active_clusters?: { cluster: JsonValue }[] }[];
  };
  const clusters = dump.configs.flatMap((c) => c.dynamic_active_clusters ?? []);
  const original = clusters.find(
    (c) => typeof c.cluster === 'object' && c.cluster !== null && 'connect_timeout' in c.cluster,
  )!.cluster as { [k: string]: JsonValue };

  it('reads both sides of a changed field and the one side of an added field', () => {
    const envoy = { ...original, connect_timeout: '99s', extra_field: 'x' };
    const fields = diffFields(['connectTimeout', '+extraField'], original, envoy);
    expect(fields).toEqual([
      { path: 'connectTimeout', change: 'changed', istiod: original.connect_timeout, envoy: '99s' },
      { path: 'extraField', change: 'only_envoy', envoy: 'x' },
    ]);
    expect(original.connect_timeout).not.toBe('99s');
  });

  it('reads a removed array element from istiod’s side by its own index', () => {
    const name = original.name;
    const fields = diffFields(['-name'], original, {});
    expect(fields).toEqual([{ path: 'name', change: 'only_istiod', istiod: name }]);
  });

  it('cuts long values for the table', () => {
    expect(shortJson(original, 40)).toHaveLength(40);
    expect(shortJson(undefined)).toBe('—');
  });
});
