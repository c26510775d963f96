import { readFileSync } from 'node:fs';
import { parseConfigDump, type ConfigDump, type JsonValue } from '@meshlens/configdump';
import { generateDemoMesh } from '@meshlens/demo-mesh';
import { describe, expect, it } from 'vitest';
import { describeFixtures, fixture } from '../../../../tests/conformance/fixtures';
import { buildConfigTopology } from './buildConfigTopology';
import type { ConfigGraph } from './configGraph';
import { configIds } from './configGraphBuilder';
import { parseConfigz, parseRegistryz } from '@meshlens/istiod';
import { readIstioConfig } from './readIstioConfig';

const readJson = (name: string): JsonValue =>
  JSON.parse(readFileSync(fixture('istiod-debug', name), 'utf8')) as JsonValue;
const edgesOf = (g: ConfigGraph, kind: string, source?: string) =>
  g.edges.filter((e) => e.kind === kind && (source === undefined || e.source === source));

describeFixtures('config topology from real istiod captures (istiod-debug)', () => {
  const registry = parseRegistryz(readJson('kiali-registryz.json'));
  const configz = parseConfigz(readJson('kiali-configz.json'));
  if (!registry.ok || !configz.ok) throw new Error('fixtures did not parse');
  const config = readIstioConfig(configz.value);
  const g = buildConfigTopology({ registry: registry.value, config });

  it('keeps every registry service and every config object', () => {
    expect(registry.value).toHaveLength(79);
    const services = g.nodes.filter((n) => n.kind === 'service' && n.sources.includes('registry'));
    expect(services).toHaveLength(79);
    expect(g.nodes.filter((n) => n.kind === 'virtualService')).toHaveLength(3);
    expect(g.nodes.filter((n) => n.kind === 'sidecar')).toHaveLength(11);
    expect(config.otherKinds).toEqual({ EnvoyFilter: 12, AuthorizationPolicy: 12 });
    expect(g.nodes.find((n) => n.host === '*.msn.com')?.meshExternal).toBe(true);
  });

  it('gateway -> VirtualService -> service, with the short host resolved in the VirtualService namespace', () => {
    expect(edgesOf(g, 'binds').map((e) => [e.source, e.target])).toEqual([
      ['gw:default/bookinfo-gateway', 'vs:default/bookinfo'],
    ]);
    const route = edgesOf(g, 'routes', 'vs:default/bookinfo');
    expect(route.map((e) => [e.target, e.weight, e.ports])).toEqual([
      ['svc:productpage.default.svc.cluster.local', 100, [9080]],
    ]);
    // productpage.default is in this registry: resolved, not flagged.
    expect(
      g.nodes.find((n) => n.id === 'svc:productpage.default.svc.cluster.local')?.unresolved,
    ).toBeUndefined();
  });

  it('routes and weights to DestinationRule subsets (http and tcp)', () => {
    const travels = edgesOf(g, 'routes', 'vs:travel-agency/travels').map((e) => [
      e.target,
      e.weight,
      e.protocol,
    ]);
    expect(travels).toEqual([
      ['subset:travels.travel-agency.svc.cluster.local|v1', 33, 'http'],
      ['subset:travels.travel-agency.svc.cluster.local|v2', 33, 'http'],
      ['subset:travels.travel-agency.svc.cluster.local|v3', 34, 'http'],
    ]);
    const mysql = edgesOf(g, 'routes', 'vs:travel-agency/mysqldb');
    expect(mysql.map((e) => e.protocol)).toEqual(['tcp', 'tcp', 'tcp']);
    expect(mysql.reduce((s, e) => s + (e.weight ?? 0), 0)).toBe(100);
    const v2 = g.nodes.find(
      (n) => n.id === configIds.subset('travels.travel-agency.svc.cluster.local', 'v2'),
    );
    expect(v2?.labels).toEqual({ version: 'v2' });
    expect(v2?.unresolved).toBeUndefined();
    expect(edgesOf(g, 'subsetOf', v2?.id).map((e) => e.target)).toEqual([
      'svc:travels.travel-agency.svc.cluster.local',
    ]);
  });

  it('flags hosts this registry does not know (the configz capture is from another mesh)', () => {
    const travels = g.nodes.find((n) => n.id === 'svc:travels.travel-agency.svc.cluster.local');
    expect(travels?.unresolved).toBe(true);
    expect(g.warnings).toContain(
      'travels.travel-agency.svc.cluster.local is referenced by configuration but is in no registry, ServiceEntry or proxy dump',
    );
  });

  it('Sidecar egress scoping: istio-system/* allows every istio-system service, explicit hosts only themselves', () => {
    const allowed = edgesOf(g, 'allows', 'sidecar:travel-agency/flights-v1').map((e) => e.target);
    const istioSystem = registry.value
      .filter((s) => s.namespace === 'istio-system')
      .map((s) => `svc:${s.hostname}`);
    expect(istioSystem.length).toBeGreaterThan(5);
    expect(allowed.sort()).toEqual(
      [
        ...istioSystem,
        'svc:discounts.travel-agency.svc.cluster.local',
        'svc:mysqldb.travel-agency.svc.cluster.local',
      ].sort(),
    );
    expect(
      edgesOf(g, 'allows', 'sidecar:travel-agency/mysqldb-v1')
        .map((e) => e.target)
        .sort(),
    ).toEqual(istioSystem.sort());
  });

  it('ServiceEntries of the services captures become service nodes with their location', () => {
    const se = parseConfigz(readJson('kiali-configz-services.json'));
    const reg = parseRegistryz(readJson('kiali-registryz-services.json'));
    if (!se.ok || !reg.ok) throw new Error('fixtures did not parse');
    const sg = buildConfigTopology({ registry: reg.value, config: readIstioConfig(se.value) });
    const msn = sg.nodes.find((n) => n.id === 'svc:*.msn.com');
    expect(msn?.serviceEntry).toEqual({ name: 'zone-msn-com', namespace: 'electronic-shop' });
    expect(msn?.sources).toEqual(['registry', 'config']);
    expect(msn?.meshExternal).toBe(true);
  });
});

describe('config topology of the demo mesh, from its proxies dumps alone', () => {
  const mesh = generateDemoMesh();
  const dumps: ConfigDump[] = mesh.proxies.map((p) => {
    const r = parseConfigDump(JSON.stringify(p.dump), { fileName: p.fileName });
    if (!r.ok) throw new Error(r.error.message);
    return r.dump;
  });
  const g = buildConfigTopology({ dumps });

  it('has one workload per deployment, with its version', () => {
    const expected = mesh.proxies.map(
      (p) => `${p.namespace}/${p.app}${p.version ? `-${p.version}` : ''}`,
    );
    const got = g.nodes.filter((n) => n.kind === 'workload').map((n) => `${n.namespace}/${n.name}`);
    expect(got.sort()).toEqual(
      expected
        .map((e) =>
          e.replace('istio-system/istio-ingressgateway', 'istio-system/istio-ingressgateway'),
        )
        .sort(),
    );
    expect(g.nodes.find((n) => n.id === 'wl:bookinfo/reviews-v2')?.version).toBe('v2');
  });

  it("every VirtualService route of the generator's model is programmed, with its weight", () => {
    for (const vs of mesh.virtualServices) {
      for (const route of vs.http) {
        for (const d of route.route) {
          const target = d.subset ? configIds.subset(d.host, d.subset) : configIds.service(d.host);
          const edge = g.edges.find(
            (e) =>
              e.kind === 'routes' &&
              e.source === configIds.virtualService(vs.namespace, vs.name) &&
              e.target === target,
          );
          expect(edge, `${vs.name} -> ${target}`).toBeDefined();
          expect(edge?.weight).toBe(d.weight ?? 100);
        }
      }
    }
  });

  it('the ingress gateway proxy serves the gateway VirtualService', () => {
    const gw = g.nodes.find((n) => n.kind === 'workload' && n.proxyType === 'router');
    expect(gw).toBeDefined();
    expect(edgesOf(g, 'binds', gw?.id).map((e) => e.target)).toEqual(['vs:bookinfo/bookinfo']);
  });

  it('each sidecar reaches every application service, and subsets select their version by endpoint IP', () => {
    const appHosts = mesh.services
      .filter((s) => s.namespace === mesh.namespace)
      .map((s) => configIds.service(s.hostname));
    for (const wl of g.nodes.filter((n) => n.kind === 'workload' && n.proxyType === 'sidecar')) {
      const reached = new Set(edgesOf(g, 'reaches', wl.id).map((e) => e.target));
      for (const h of appHosts) expect(reached.has(h), `${wl.id} -> ${h}`).toBe(true);
    }
    for (const v of ['v1', 'v2', 'v3']) {
      const selected = edgesOf(
        g,
        'selects',
        configIds.subset('reviews.bookinfo.svc.cluster.local', v),
      ).map((e) => e.target);
      expect(selected).toEqual([`wl:bookinfo/reviews-${v}`]);
    }
  });
});

describe('config topology: DestinationRule subsets and service selectors (demo dumps + one DR)', () => {
  it('a subset selects only workloads behind its own service (version labels alone are not enough)', () => {
    const mesh = generateDemoMesh();
    const dumps = mesh.proxies.map((p) => {
      const r = parseConfigDump(JSON.stringify(p.dump), { fileName: p.fileName });
      if (!r.ok) throw new Error(r.error.message);
      return r.dump;
    });
    const dr = {
      kind: 'DestinationRule',
      apiVersion: 'networking.istio.io/v1',
      name: 'details',
      namespace: 'bookinfo',
      raw: {
        spec: { host: 'details', subsets: [{ name: 'v1', labels: { version: 'v1' } }] },
      },
    };
    const g = buildConfigTopology({ config: readIstioConfig([dr]), dumps });
    const selected = edgesOf(g, 'selects', 'subset:details.bookinfo.svc.cluster.local|v1').map(
      (e) => e.target,
    );
    expect(selected).toEqual(['wl:bookinfo/details-v1']);
  });
});

describe('config topology: reach (Sidecar scoping) and workloads from the proxy list', () => {
  const mesh = generateDemoMesh();
  const dumps = mesh.proxies.map((p) => {
    const r = parseConfigDump(JSON.stringify(p.dump), { fileName: p.fileName });
    if (!r.ok) throw new Error(r.error.message);
    return r.dump;
  });
  const sidecar = {
    kind: 'Sidecar',
    apiVersion: 'networking.istio.io/v1',
    name: 'ratings',
    namespace: 'bookinfo',
    raw: {
      spec: {
        workloadSelector: { labels: { app: 'ratings' } },
        egress: [{ hosts: ['./*', 'istio-system/*'] }],
      },
    },
  };

  it('with the config known, an unscoped workload is marked as reaching all; a scoped one is not', () => {
    const g = buildConfigTopology({ config: readIstioConfig([sidecar]), dumps });
    const details = g.nodes.find((n) => n.id === 'wl:bookinfo/details-v1');
    expect(details?.reachesAll).toBe(true);
    const ratings = g.nodes.find((n) => n.id === 'wl:bookinfo/ratings-v1');
    expect(ratings?.reachesAll).toBeUndefined();
    expect(edgesOf(g, 'reaches', 'wl:bookinfo/ratings-v1').length).toBeGreaterThan(0);
    expect(edgesOf(g, 'applies', 'sidecar:bookinfo/ratings').map((e) => e.target)).toEqual([
      'wl:bookinfo/ratings-v1',
    ]);
    const bookinfo = g.namespaces.find((n) => n.namespace === 'bookinfo');
    expect(bookinfo?.sidecars).toBe(1);
    expect(bookinfo?.reachAll).toBe((bookinfo?.workloads ?? 0) - 1);
  });

  it('listed proxies become the same workloads and service selections as their dumps give', () => {
    const registry = mesh.services.map((s) => ({
      hostname: s.hostname,
      name: s.name,
      namespace: s.namespace,
      registry: 'Kubernetes',
      ports: s.ports.map((p) => ({ name: p.name, port: p.port, protocol: p.protocol })),
      meshExternal: false,
    }));
    const listed = mesh.proxies.map((p) => ({
      name: p.podName,
      namespace: p.namespace,
      type: p.proxyType,
    }));
    const fromDumps = buildConfigTopology({ registry, dumps });
    const fromList = buildConfigTopology({ registry, listed });
    const workloads = (g: ConfigGraph) =>
      g.nodes
        .filter((n) => n.kind === 'workload')
        .map((n) => `${n.id} ${n.app ?? ''} ${n.version ?? ''}`);
    expect(workloads(fromList)).toEqual(workloads(fromDumps));
    expect(fromList.nodes.find((n) => n.kind === 'workload')?.labelsInferred).toBe(true);
    const serviceSelects = (g: ConfigGraph) =>
      edgesOf(g, 'selects')
        .filter((e) => e.source.startsWith('svc:'))
        .map((e) => `${e.source} ${e.target}`);
    expect(serviceSelects(fromList).length).toBeGreaterThan(3);
    expect(serviceSelects(fromList)).toEqual(serviceSelects(fromDumps));
  });
});
