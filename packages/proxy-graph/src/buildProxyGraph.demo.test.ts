// The proxy graph of generated demo-mesh dumps: Bookinfo for routing, 300 services for aggregation.
import { parseConfigDump, type ConfigDump } from '@meshlens/configdump';
import { generateDemoMesh } from '@meshlens/demo-mesh';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProxyGraph } from './buildProxyGraph';
import { formatAddress } from './formatAddress';
import { listenerDirection } from './listenerDirection';
import type { ProxyGraph } from './graphTypes';

function parsed(services: number, app: string): ConfigDump {
  const proxy = generateDemoMesh({ services }).proxies.find((p) => p.app === app);
  if (!proxy) throw new Error(`no ${app} proxy`);
  const result = parseConfigDump(JSON.stringify(proxy.dump), { fileName: proxy.fileName });
  if (!result.ok) throw new Error(result.error.message);
  return result.dump;
}

const noAggregation = { aggregateThreshold: Number.POSITIVE_INFINITY };
const nodeIds = (g: ProxyGraph): string[] => g.nodes.map((n) => n.id);

describe('buildProxyGraph on the Bookinfo demo', () => {
  let dump: ConfigDump;
  beforeAll(() => {
    dump = parsed(4, 'productpage');
  });

  it('weighted routes (reviews v1/v2/v3) have edges whose weights sum to 100', () => {
    const g = buildProxyGraph(dump, noAggregation);
    let checked = 0;
    for (const rc of dump.routeConfigs) {
      for (const vh of rc.virtualHosts) {
        for (const r of vh.routes) {
          if (r.action.kind !== 'weighted_clusters') continue;
          const out = g.edges.filter((e) => e.source === `route:${rc.name}/${vh.name}/${r.index}`);
          expect(out.length).toBe(new Set(r.action.clusters.map((c) => c.name)).size);
          expect(out.reduce((s, e) => s + (e.weight ?? 0), 0)).toBeCloseTo(100, 6);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('the direction filter splits listeners by traffic direction', () => {
    const inbound = buildProxyGraph(dump, { ...noAggregation, direction: 'inbound' });
    const outbound = buildProxyGraph(dump, { ...noAggregation, direction: 'outbound' });
    const listenersOf = (g: ProxyGraph): string[] =>
      g.nodes.filter((n) => n.kind === 'listener').map((n) => n.id.slice('listener:'.length));
    const proxyType = dump.node?.proxyType;
    const want = (dir: string): string[] =>
      dump.listeners
        .filter((l) => listenerDirection(l, proxyType) === dir)
        .map((l) => l.name || formatAddress(l.address));
    expect(listenersOf(inbound).sort()).toEqual(want('inbound').sort());
    expect(listenersOf(outbound).sort()).toEqual(want('outbound').sort());
    expect(listenersOf(inbound)).toContain('virtualInbound');
    expect(listenersOf(outbound)).not.toContain('virtualInbound');
    // Inbound traffic ends at the proxy's own workload: inbound| clusters, never outbound| ones.
    expect(inbound.nodes.some((n) => n.id.startsWith('cluster:inbound|'))).toBe(true);
    expect(inbound.nodes.some((n) => n.id.startsWith('cluster:outbound|'))).toBe(false);
  });

  it('hiding routes keeps the weights on the virtual host -> cluster edges', () => {
    const g = buildProxyGraph(dump, { ...noAggregation, hiddenLevels: ['route'] });
    expect(g.nodes.some((n) => n.kind === 'route')).toBe(false);
    const weighted = g.edges.filter((e) => e.weight !== undefined && e.weight < 100);
    expect(weighted.length).toBeGreaterThan(0);
    for (const e of weighted) {
      expect(e.source.startsWith('vh:')).toBe(true);
      expect(e.label).toBe(`${Number((e.weight ?? 0).toFixed(1))}%`);
    }
  });

  it('a focus on an endpoint keeps only the paths to it', () => {
    const full = buildProxyGraph(dump, noAggregation);
    const ep = full.nodes.find((n) => n.kind === 'endpoint' && n.id.includes('|reviews.'));
    expect(ep).toBeDefined();
    const g = buildProxyGraph(dump, { ...noAggregation, focus: ep?.id ?? '' });
    expect(g.nodes.length).toBeLessThan(full.nodes.length);
    // Every node other than the endpoint has an edge path to it; the endpoint is the only sink.
    const sinks = g.nodes.filter((n) => !g.edges.some((e) => e.source === n.id));
    expect(sinks.map((n) => n.id)).toEqual([ep?.id]);
    expect(g.nodes.filter((n) => n.kind === 'endpoint').length).toBe(1);
  });
});

describe('aggregation of a 300-service mesh', () => {
  let dump: ConfigDump;
  beforeAll(() => {
    dump = parsed(300, 'productpage');
  });

  it('starts collapsed below the threshold, with groups counting their members', () => {
    const full = buildProxyGraph(dump, noAggregation);
    expect(full.nodes.length).toBeGreaterThan(400);
    const g = buildProxyGraph(dump);
    expect(g.aggregated).toBe(true);
    expect(g.nodes.length).toBeLessThanOrEqual(400);
    const groups = g.nodes.filter((n) => n.kind === 'group');
    expect(groups.length).toBeGreaterThan(0);
    // Every full-graph node is drawn, or is a member of exactly one drawn group.
    const drawn = new Set(nodeIds(g));
    const members = new Map<string, string>();
    for (const grp of g.groups.filter((x) => x.collapsed)) {
      expect(grp.members.length).toBe(g.nodes.find((n) => n.id === grp.id)?.memberCount);
      for (const m of grp.members) {
        expect(members.has(m)).toBe(false);
        members.set(m, grp.id);
      }
    }
    for (const n of full.nodes) expect(drawn.has(n.id) || members.has(n.id), n.id).toBe(true);
    expect(g.nodes.filter((n) => n.kind !== 'group').length + members.size).toBe(full.nodes.length);
  });

  it('expanding a group draws exactly what it holds', () => {
    const g = buildProxyGraph(dump);
    const group = g.groups.find((x) => x.collapsed && x.memberKind === 'cluster');
    expect(group).toBeDefined();
    if (!group) return;
    const opened = buildProxyGraph(dump, { expanded: [group.id] });
    const before = new Set(nodeIds(g));
    const after = new Set(nodeIds(opened));
    const added = [...after].filter((id) => !before.has(id));
    const removed = [...before].filter((id) => !after.has(id));
    expect(removed).toContain(group.id);
    // The member clusters appear; below them only their own endpoints (or endpoint groups) change.
    for (const m of group.members) expect(after.has(m)).toBe(true);
    const memberEndpoint = (id: string): boolean =>
      group.members.some((m) => id.startsWith(`ep:${m.slice('cluster:'.length)}/`));
    for (const id of added) {
      expect(
        group.members.includes(id) || id.startsWith('group:endpoints:') || memberEndpoint(id),
        id,
      ).toBe(true);
    }
    for (const id of removed)
      expect(id === group.id || id.startsWith('group:endpoints:')).toBe(true);
    expect(opened.nodes.find((n) => n.id === group.members[0])?.groupOf).toBe(group.id);
  });

  it('is deterministic across two generations of the same mesh', () => {
    const again = parsed(300, 'productpage');
    expect(buildProxyGraph(again)).toEqual(buildProxyGraph(dump));
  });

  it('a focus inside a folded level keeps the focused node itself visible', () => {
    const full = buildProxyGraph(dump, noAggregation);
    const cluster = full.nodes.find(
      (n) => n.id.startsWith('cluster:outbound|') && n.id.includes('svc-'),
    );
    expect(cluster).toBeDefined();
    const g = buildProxyGraph(dump, { focus: cluster?.id ?? '' });
    expect(nodeIds(g)).toContain(cluster?.id);
    expect(g.nodes.length).toBeLessThan(100);
  });
});
