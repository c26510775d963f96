// SDS secrets on the graph of a generated sidecar: one node per secret of the dump, linked from
// exactly the filter chains and clusters whose TLS contexts name it.
import { parseConfigDump } from '@meshlens/configdump';
import { generateDemoMesh } from '@meshlens/demo-mesh';
import { describe, expect, it } from 'vitest';
import { buildProxyGraph } from './buildProxyGraph';
import { listenerChains } from './collectRouteConfigs';
import { listenersByKey } from './listenerKey';
import { nodeIdFor } from './nodeId';

describe('secrets on the proxy graph (generated demo sidecar)', () => {
  const proxy = generateDemoMesh({ services: 4 }).proxies.find((p) => p.app === 'productpage');
  if (!proxy) throw new Error('no productpage proxy');
  const res = parseConfigDump(JSON.stringify(proxy.dump), { fileName: proxy.fileName });
  if (!res.ok) throw new Error(res.error.message);
  const dump = res.dump;
  const graph = buildProxyGraph(dump, { aggregateThreshold: Number.POSITIVE_INFINITY });

  it('draws one node per secret of the dump', () => {
    expect(dump.secrets.length).toBeGreaterThan(0);
    expect(graph.nodes.filter((n) => n.kind === 'secret').map((n) => n.id)).toEqual(
      dump.secrets.map((s) => nodeIdFor({ kind: 'secret', name: s.name })),
    );
  });

  it('links each secret from the chains and clusters whose TLS contexts name it', () => {
    const expected = new Set<string>();
    for (const [key, l] of listenersByKey(dump))
      for (const c of listenerChains(l))
        for (const s of c.sdsSecrets ?? []) expected.add(`chain:${key}#${c.index}->secret:${s}`);
    for (const c of dump.clusters)
      for (const s of c.tls?.sdsSecrets ?? []) expected.add(`cluster:${c.name}->secret:${s}`);
    const drawn = graph.edges.filter((e) => e.kind === 'sds').map((e) => e.id);
    expect(drawn.some((id) => id.startsWith('chain:'))).toBe(true);
    expect(drawn.some((id) => id.startsWith('cluster:'))).toBe(true);
    expect(new Set(drawn)).toEqual(expected);
  });

  it('a focus on a secret keeps what uses it', () => {
    const focused = buildProxyGraph(dump, {
      aggregateThreshold: Number.POSITIVE_INFINITY,
      focus: 'secret:default',
    });
    const users = graph.edges.filter((e) => e.target === 'secret:default').map((e) => e.source);
    const ids = new Set(focused.nodes.map((n) => n.id));
    for (const u of users) expect(ids.has(u), u).toBe(true);
    expect(ids.has('secret:ROOTCA')).toBe(false);
  });

  it('the secret level can be hidden like the others', () => {
    const hidden = buildProxyGraph(dump, {
      aggregateThreshold: Number.POSITIVE_INFINITY,
      hiddenLevels: ['secret'],
    });
    expect(hidden.nodes.filter((n) => n.kind === 'secret')).toEqual([]);
    expect(hidden.edges.filter((e) => e.kind === 'sds')).toEqual([]);
    expect(hidden.nodes.length).toBe(graph.nodes.length - dump.secrets.length);
  });
});
