// The proxy graph of real captured dumps (../shared/fixtures) against counts read from the model.
import { readFileSync } from 'node:fs';
import { parseConfigDump, type ConfigDump, type Listener } from '@meshlens/configdump';
import { describe, expect, it } from 'vitest';
import { describeFixtures, fixture, listFixtureFiles } from '../../../tests/conformance/fixtures';
import { buildProxyGraph } from './buildProxyGraph';
import { formatAddress } from './formatAddress';
import type { ProxyGraph } from './graphTypes';
import { searchGraph } from './searchGraph';

function load(path: string, wrapAsList = false): ConfigDump {
  let text = readFileSync(fixture(path), 'utf8');
  // router-check files are one bare RouteConfiguration; a one-item YAML list is a resource list.
  if (wrapAsList)
    text = `-\n${text
      .split('\n')
      .map((l) => `  ${l}`)
      .join('\n')}`;
  const result = parseConfigDump(text, { fileName: wrapAsList ? 'routes.yaml' : path });
  if (!result.ok) throw new Error(`${path}: ${result.error.message}`);
  return result.dump;
}

const noAggregation = { aggregateThreshold: Number.POSITIVE_INFINITY };
const count = (g: ProxyGraph, kind: string): number =>
  g.nodes.filter((n) => n.kind === kind).length;
const ids = (g: ProxyGraph): Set<string> => new Set(g.nodes.map((n) => n.id));

const dumpFiles = [
  ...listFixtureFiles('config-dumps'),
  'istioctl-golden/pc-all-waypoint-istio121/config_dump.json',
];

describeFixtures('buildProxyGraph on real dumps', () => {
  describe.each(dumpFiles)('%s', (file) => {
    const dump = load(file);
    const graph = buildProxyGraph(dump, noAggregation);

    it('draws one node per listener, filter chain and cluster of the model', () => {
      // A listener being updated appears twice (active + warming); the graph draws the active
      // one. Nameless listeners are told apart by address.
      const drawn = new Map<string, Listener>();
      for (const l of dump.listeners) {
        const key = l.name || formatAddress(l.address);
        if (!drawn.has(key) || l.state === 'active') drawn.set(key, l);
      }
      expect(count(graph, 'listener')).toBe(drawn.size);
      const chains = [...drawn.values()].reduce(
        (n, l) => n + l.filterChains.length + (l.defaultFilterChain ? 1 : 0),
        0,
      );
      expect(count(graph, 'filter_chain')).toBe(chains);
      expect(count(graph, 'cluster')).toBe(new Set(dump.clusters.map((c) => c.name)).size);
    });

    it('names a listener direction only where the dump declares it (traffic_direction)', () => {
      const declared = new Map(dump.listeners.map((l) => [l.name, l.trafficDirection]));
      for (const n of graph.nodes.filter((x) => x.kind === 'listener')) {
        const said = /\b(inbound|outbound)\b/.exec(n.sublabel ?? '')?.[1];
        const dir = declared.get(n.label) ?? 'UNSPECIFIED';
        expect(said?.toUpperCase() ?? 'UNSPECIFIED', `${n.id}: ${n.sublabel}`).toBe(dir);
      }
    });

    it('draws one node per distinct endpoint address of each cluster', () => {
      const expected = new Set<string>();
      for (const eps of dump.endpoints) {
        for (const ep of eps.endpoints)
          expected.add(`${eps.clusterName}/${formatAddress(ep.address)}`);
      }
      const drawn = graph.nodes.filter((n) => n.kind === 'endpoint');
      // EDS names can differ from cluster names; count by address per endpoints entry.
      expect(drawn.length).toBe(expected.size);
    });

    it('has unique ids and no edge to a missing node', () => {
      const nodeIds = graph.nodes.map((n) => n.id);
      expect(new Set(nodeIds).size).toBe(nodeIds.length);
      const edgeIds = graph.edges.map((e) => e.id);
      expect(new Set(edgeIds).size).toBe(edgeIds.length);
      const all = ids(graph);
      for (const e of graph.edges) {
        expect(all.has(e.source), e.id).toBe(true);
        expect(all.has(e.target), e.id).toBe(true);
      }
    });

    it('draws a ghost for every dangling route config / cluster reference', () => {
      const all = ids(graph);
      for (const d of dump.index.dangling) {
        if (d.expected === 'route_config' || d.expected === 'cluster') {
          expect(all.has(`ghost:${d.expected}:${d.name}`), d.name).toBe(true);
        }
      }
      for (const n of graph.nodes.filter((x) => x.kind === 'ghost')) expect(n.ghost).toBe(true);
    });

    it('is deterministic: two parses of the same file give the same graph', () => {
      const again = buildProxyGraph(load(file), noAggregation);
      expect(again).toEqual(graph);
    });
  });
});

describeFixtures('focus, hidden levels and search on the Istio 1.3 ingress gateway', () => {
  const dump = load('config-dumps/istio13-ingressgateway-v2alpha.json');
  const productpage = 'cluster:outbound|9080|v1|productpage.default.svc.cluster.local';

  it('focus on a cluster keeps exactly the routes to it and what leads to them', () => {
    const g = buildProxyGraph(dump, { ...noAggregation, focus: productpage });
    // Expected chain, read from the model: every route targeting the cluster, and up from it.
    const expected = new Set<string>([productpage]);
    for (const rc of dump.routeConfigs) {
      for (const vh of rc.virtualHosts) {
        for (const r of vh.routes) {
          if (r.action.kind !== 'cluster' || `cluster:${r.action.cluster}` !== productpage)
            continue;
          expected.add(`route:${rc.name}/${vh.name}/${r.index}`);
          expected.add(`vh:${rc.name}/${vh.name}`);
          expected.add(`rc:${rc.name}`);
          for (const l of dump.listeners) {
            for (const c of l.filterChains) {
              const uses = c.filters.some(
                (f) =>
                  f.kind === 'http_connection_manager' &&
                  f.routeSource.kind === 'rds' &&
                  f.routeSource.routeConfigName === rc.name,
              );
              if (uses) {
                expected.add(`chain:${l.name}#${c.index}`);
                expected.add(`listener:${l.name}`);
              }
            }
          }
        }
      }
    }
    const eps = dump.index.endpointsByCluster.get(
      'outbound|9080|v1|productpage.default.svc.cluster.local',
    );
    for (const ep of eps?.endpoints ?? [])
      expected.add(
        `ep:outbound|9080|v1|productpage.default.svc.cluster.local/${formatAddress(ep.address)}`,
      );
    expect(expected.size).toBeGreaterThan(5);
    expect(ids(g)).toEqual(expected);
    // No edge bypasses the focused node: every edge is upstream or downstream of it.
    for (const e of g.edges)
      expect(e.source === productpage || e.target === productpage || expected.has(e.source)).toBe(
        true,
      );
  });

  it('hiding virtual hosts and routes connects the route config straight to the clusters', () => {
    const full = buildProxyGraph(dump, noAggregation);
    const g = buildProxyGraph(dump, { ...noAggregation, hiddenLevels: ['virtual_host', 'route'] });
    expect(count(g, 'virtual_host')).toBe(0);
    expect(count(g, 'route')).toBe(0);
    expect(g.nodes.length).toBe(
      full.nodes.length - count(full, 'virtual_host') - count(full, 'route'),
    );
    const edges = new Set(g.edges.map((e) => `${e.source} ${e.target}`));
    expect(edges.size).toBe(g.edges.length);
    const rc = dump.index.routeConfigByName.get('http.80');
    expect(rc).toBeDefined();
    for (const vh of rc?.virtualHosts ?? []) {
      for (const r of vh.routes) {
        if (r.action.kind === 'cluster')
          expect(edges.has(`rc:http.80 cluster:${r.action.cluster}`)).toBe(true);
      }
    }
  });

  it('hiding filter chains connects listeners to their route configs', () => {
    const g = buildProxyGraph(dump, { ...noAggregation, hiddenLevels: ['filter_chain'] });
    expect(count(g, 'filter_chain')).toBe(0);
    expect(
      g.edges.some((e) => e.source === 'listener:0.0.0.0_80' && e.target === 'rc:http.80'),
    ).toBe(true);
  });

  it('search finds nodes by a case-insensitive piece of their name', () => {
    const g = buildProxyGraph(dump, noAggregation);
    const hits = searchGraph(g, 'PRODUCTPAGE.default');
    expect(hits).toContain(productpage);
    expect(
      hits.every(
        (id) =>
          id.toLowerCase().includes('productpage') ||
          g.nodes
            .find((n) => n.id === id)
            ?.sublabel?.toLowerCase()
            .includes('productpage'),
      ),
    ).toBe(true);
    expect(searchGraph(g, '')).toEqual([]);
  });
});

describeFixtures('route actions from router_check_tool route tables', () => {
  it('weighted routes label their edges with percentages that sum to 100', () => {
    const dump = load('router-check/Weighted.yaml', true);
    const g = buildProxyGraph(dump, noAggregation);
    let weightedRoutes = 0;
    for (const rc of dump.routeConfigs) {
      for (const vh of rc.virtualHosts) {
        for (const r of vh.routes) {
          if (r.action.kind !== 'weighted_clusters') continue;
          weightedRoutes++;
          const out = g.edges.filter((e) => e.source === `route:${rc.name}/${vh.name}/${r.index}`);
          const sum = out.reduce((s, e) => s + (e.weight ?? 0), 0);
          expect(sum).toBeCloseTo(100, 6);
          for (const e of out) expect(e.label).toMatch(/^\d+(\.\d)?%$/);
        }
      }
    }
    expect(weightedRoutes).toBeGreaterThan(0);
  });

  it('redirects and direct responses end in terminal nodes', () => {
    const redirect = buildProxyGraph(load('router-check/Redirect.yaml', true), noAggregation);
    const terms = redirect.nodes.filter((n) => n.kind === 'terminal').map((n) => n.label);
    expect(terms.length).toBeGreaterThan(0);
    expect(terms.every((t) => /^30[1278] (->|redirect)/.test(t))).toBe(true);
    expect(terms).toContain('301 -> new.lyft.com/new_baz');
    const direct = buildProxyGraph(load('router-check/DirectResponse.yaml', true), noAggregation);
    expect(direct.nodes.some((n) => n.kind === 'terminal' && /^\d{3} direct$/.test(n.label))).toBe(
      true,
    );
  });

  it('cluster-header routes point at a header pseudo node', () => {
    const g = buildProxyGraph(load('router-check/ClusterHeader.yaml', true), noAggregation);
    const header = g.nodes.filter((n) => n.id.startsWith('term:header:'));
    expect(header.length).toBeGreaterThan(0);
    for (const h of header)
      expect(g.edges.some((e) => e.target === h.id && e.source.startsWith('route:'))).toBe(true);
  });

  it('without listeners or clusters, route targets are ghosts that say the section is absent', () => {
    const g = buildProxyGraph(
      load('config-dumps/istio-describe-tls-v3-routes-only.json'),
      noAggregation,
    );
    const ghosts = g.nodes.filter((n) => n.kind === 'ghost');
    expect(ghosts.length).toBeGreaterThan(0);
    for (const n of ghosts) expect(n.missingSection).toBe(true);
    expect(searchGraph(g, 'productpage.default')).toContain(ghosts[0]?.id);
  });
});
