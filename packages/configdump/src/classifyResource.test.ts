import { describe, expect, it } from 'vitest';
import { classifyResource, unwrapEntry } from './classifyResource';

describe('classifyResource', () => {
  it('uses @type when present, v2 or v3', () => {
    expect(classifyResource({ '@type': 'type.googleapis.com/envoy.api.v2.Listener' })).toBe(
      'listener',
    );
    expect(
      classifyResource({ '@type': 'type.googleapis.com/envoy.config.cluster.v3.Cluster' }),
    ).toBe('cluster');
    expect(
      classifyResource({ '@type': 'type.googleapis.com/envoy.config.route.v3.RouteConfiguration' }),
    ).toBe('route_config');
    expect(
      classifyResource({
        '@type': 'type.googleapis.com/envoy.config.endpoint.v3.ClusterLoadAssignment',
      }),
    ).toBe('endpoints');
    expect(
      classifyResource({
        '@type': 'type.googleapis.com/envoy.config.core.v3.TypedExtensionConfig',
      }),
    ).toBe('extension_config');
    expect(
      classifyResource({ '@type': 'type.googleapis.com/foo.Bar', virtual_hosts: [] }),
    ).toBeUndefined();
  });

  it('recognises resources without @type by their fields, either spelling', () => {
    expect(classifyResource({ name: 'r', virtualHosts: [] })).toBe('route_config');
    expect(classifyResource({ name: 'l', filterChains: [] })).toBe('listener');
    expect(classifyResource({ name: 'l', address: {} })).toBe('listener');
    expect(classifyResource({ name: 'c', edsClusterConfig: {} })).toBe('cluster');
    expect(classifyResource({ cluster_name: 'c', endpoints: [] })).toBe('endpoints');
    expect(classifyResource({ name: 's', tls_certificate: {} })).toBe('secret');
    expect(classifyResource({ name: 'e', typed_config: {} })).toBe('extension_config');
    expect(classifyResource({ name: 'x' })).toBeUndefined();
  });

  it('takes a bare `type` for a cluster only when it is an Envoy discovery type', () => {
    expect(classifyResource({ name: 'c', type: 'EDS' })).toBe('cluster');
    expect(classifyResource({ name: 'c', type: 'STRICT_DNS' })).toBe('cluster');
    // A package.json: `"type": "module"` is not a cluster, and the file is not a config dump.
    expect(classifyResource({ name: 'meshlens', type: 'module', scripts: {} })).toBeUndefined();
    expect(classifyResource({ type: 'EDS' })).toBeUndefined();
    expect(classifyResource({ address: 'x' })).toBeUndefined();
  });

  it('unwraps dump entries', () => {
    const c = { name: 'c' };
    expect(unwrapEntry({ cluster: c, last_updated: 't' })).toMatchObject({
      kind: 'cluster',
      resource: c,
    });
    expect(unwrapEntry({ ecdsFilter: c })).toMatchObject({ kind: 'extension_config', resource: c });
    const st = { listener: { name: 'l' } };
    expect(unwrapEntry({ name: 'l', activeState: st })).toMatchObject({
      kind: 'listener',
      entry: st,
    });
    expect(unwrapEntry({ '@type': 'x', cluster: c })).toBeUndefined();
    expect(unwrapEntry({ name: 'c', type: 'EDS' })).toBeUndefined();
  });
});
