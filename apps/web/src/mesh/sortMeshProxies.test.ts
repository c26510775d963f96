import type { MeshProxyInfo, MeshScanProxyResult } from '@meshlens/contract';
import { describe, expect, it } from 'vitest';
import { sortMeshProxies } from './sortMeshProxies';

const proxy = (name: string, namespace = 'default'): MeshProxyInfo => ({
  id: `${name}.${namespace}`,
  name,
  namespace,
  type: 'sidecar',
});

const summary = (clusters: number): MeshScanProxyResult['summary'] => ({
  listeners: 1,
  routes: 1,
  clusters,
  endpoints: 1,
  secrets: 1,
  dumpBytes: clusters * 1000,
  fetchMs: 5,
  errors: 0,
  warnings: 0,
});

describe('sortMeshProxies', () => {
  const a = proxy('svc-10');
  const b = proxy('svc-2');
  const c = proxy('svc-3');
  const d = proxy('gone');
  const results = new Map<string, MeshScanProxyResult>([
    [a.id, { id: a.id, summary: summary(30) }],
    [b.id, { id: b.id, summary: summary(10) }],
    [c.id, { id: c.id, summary: summary(20) }],
    [d.id, { id: d.id, error: { kind: 'refused', message: 'refused', advice: 'start it' } }],
  ]);

  it('keeps the list order without a sort', () => {
    expect(sortMeshProxies([a, b, c], results, undefined)).toEqual([a, b, c]);
  });

  it('orders numbers by value both ways, proxies without a summary last either way', () => {
    const list = [d, a, b, c];
    expect(sortMeshProxies(list, results, { column: 'clusters', desc: false })).toEqual([
      b,
      c,
      a,
      d,
    ]);
    expect(sortMeshProxies(list, results, { column: 'clusters', desc: true })).toEqual([
      a,
      c,
      b,
      d,
    ]);
  });

  it('orders names naturally (svc-2 before svc-10)', () => {
    expect(sortMeshProxies([a, c, b], results, { column: 'name', desc: false })).toEqual([b, c, a]);
  });
});
