import { describe, expect, it } from 'vitest';
import { toJsonName, toProtoJson, withoutType } from './protoJson';

describe('protojson key spelling', () => {
  it('renames snake_case field names', () => {
    expect(toJsonName('dynamic_active_clusters')).toBe('dynamicActiveClusters');
    expect(toJsonName('header_1')).toBe('header1');
  });

  it('keeps data keys: Struct metadata, filter_metadata contents, map keys, TypedStruct values, v2 filter config', () => {
    const input = {
      node: { metadata: { ISTIO_VERSION: '1', some_label: 'x' }, user_agent_name: 'envoy' },
      metadata: { filter_metadata: { istio: { config_path: '/x' } } },
      environment_variables: { key_values: { MY_VAR: '1', lower_case: '2' } },
      typed_per_filter_config: { 'envoy.filters.http.x': { '@type': 't', max_age: 1 } },
      typed_config: {
        '@type': 'type.googleapis.com/udpa.type.v1.TypedStruct',
        type_url: 'u',
        value: { keep_me: true },
      },
      filters: [{ name: 'mixer', config: { mixer_attributes: {} } }],
    };
    expect(toProtoJson(input)).toEqual({
      node: { metadata: { ISTIO_VERSION: '1', some_label: 'x' }, userAgentName: 'envoy' },
      metadata: { filterMetadata: { istio: { config_path: '/x' } } },
      environmentVariables: { keyValues: { MY_VAR: '1', lower_case: '2' } },
      typedPerFilterConfig: { 'envoy.filters.http.x': { '@type': 't', maxAge: 1 } },
      typedConfig: {
        '@type': 'type.googleapis.com/udpa.type.v1.TypedStruct',
        typeUrl: 'u',
        value: { keep_me: true },
      },
      filters: [{ name: 'mixer', config: { mixer_attributes: {} } }],
    });
  });

  it('withoutType drops only the top-level @type', () => {
    expect(withoutType({ '@type': 'a', x: { '@type': 'b' } })).toEqual({ x: { '@type': 'b' } });
  });
});
