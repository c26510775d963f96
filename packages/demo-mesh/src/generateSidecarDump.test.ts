import { parseConfigDump, type ConfigDump } from '@meshlens/configdump';
import { describe, expect, it } from 'vitest';
import { generateDemoMesh } from './generateDemoMesh';
import { generateSidecarDump } from './generateSidecarDump';
import type { DemoMesh } from './model';

const meshJson = (mesh: DemoMesh): string => JSON.stringify(mesh);

function parseJson(json: string): ConfigDump {
  const result = parseConfigDump(json);
  if (!result.ok) throw new Error(result.error.message);
  return result.dump;
}

/** Outbound clusters a sidecar must have: one per service port, plus one per DestinationRule subset. */
function expectedOutboundClusters(mesh: DemoMesh): number {
  const subsetsByHost = new Map(
    mesh.destinationRules.map((dr) => [
      `${dr.host}.${dr.namespace}.svc.cluster.local`,
      dr.subsets.length,
    ]),
  );
  return mesh.services.reduce(
    (n, s) => n + s.ports.length * (1 + (subsetsByHost.get(s.hostname) ?? 0)),
    0,
  );
}

describe('determinism', () => {
  it('gives byte-identical output for the same seed, dumps included', () => {
    const a = meshJson(generateDemoMesh({ seed: 7, services: 12 }));
    const b = meshJson(generateDemoMesh({ seed: 7, services: 12 }));
    expect(a.length).toBeGreaterThan(1_000_000);
    expect(a === b).toBe(true);
  });

  it('changes names, IPs and certificate serials with the seed', () => {
    const a = generateDemoMesh({ seed: 1 });
    const b = generateDemoMesh({ seed: 2 });
    const podsA = a.proxies.map((p) => p.podName);
    const podsB = b.proxies.map((p) => p.podName);
    expect(podsA.filter((p) => podsB.includes(p))).toEqual([]);
    // Same services and shape, different hashes.
    expect(podsB.map((p) => p.replace(/-[a-z0-9]+-[a-z0-9]+$/, ''))).toEqual(
      podsA.map((p) => p.replace(/-[a-z0-9]+-[a-z0-9]+$/, '')),
    );
    expect(b.services.map((s) => s.clusterIP)).not.toEqual(a.services.map((s) => s.clusterIP));
    const serial = (m: DemoMesh): string | undefined =>
      parseJson(JSON.stringify(m.proxies[0]?.dump)).secrets[0]?.certificates[0]?.serialNumber;
    expect(serial(a)).toBeDefined();
    expect(serial(a)).not.toBe(serial(b));
  });

  it('moves only the time-derived fields when `now` changes', () => {
    const a = generateDemoMesh({ seed: 3 });
    const b = generateDemoMesh({ seed: 3, now: new Date('2026-11-21T10:00:00Z') });
    expect(b.now).toBe('2026-11-21T10:00:00.000Z');
    expect(b.proxies.map((p) => p.podName)).toEqual(a.proxies.map((p) => p.podName));
    const cert = (m: DemoMesh): string | undefined =>
      parseJson(JSON.stringify(m.proxies[0]?.dump)).secrets[0]?.certificates[0]?.notAfter;
    expect(cert(a)).toBe('2026-01-02T00:00:00Z');
    expect(cert(b)).toBe('2026-11-22T10:00:00Z');
    const clustersOf = (m: DemoMesh): string =>
      JSON.stringify(parseJson(JSON.stringify(m.proxies[0]?.dump)).clusters.map((c) => c.raw));
    expect(clustersOf(a)).toBe(clustersOf(b));
  });
});

describe('scaling', () => {
  it('generates 200 services with the expected clusters, listeners and endpoints', () => {
    const mesh = generateDemoMesh({ services: 200 });
    const app = mesh.services.filter((s) => s.namespace !== 'istio-system');
    expect(app).toHaveLength(200);
    expect(app.slice(0, 4).every((s) => s.namespace === 'bookinfo')).toBe(true);
    expect(app.slice(4).some((s) => s.namespace === 'bookinfo')).toBe(false);
    expect(app.slice(4).map((s) => s.name)).toEqual(
      Array.from({ length: 196 }, (_, i) => `svc-${String(i + 1).padStart(3, '0')}`),
    );
    const versions = new Set(app.slice(4).map((s) => s.versions.length));
    expect([...versions].sort()).toEqual([1, 2, 3]);
    const proxy = mesh.proxies.find((p) => p.app === 'svc-100');
    if (!proxy) throw new Error('no svc-100 proxy');
    const dump = parseJson(JSON.stringify(generateSidecarDump(mesh, proxy.podName)));
    expect(dump.warnings).toEqual([]);
    expect(dump.index.dangling).toEqual([]);
    const outbound = dump.clusters.filter((c) => c.name.startsWith('outbound|'));
    expect(outbound).toHaveLength(expectedOutboundClusters(mesh));
    expect(outbound.length).toBeGreaterThan(500);
    const inboundPorts = new Set(
      mesh.services.find((s) => s.name === 'svc-100')?.ports.map((p) => p.targetPort),
    );
    // + 5 bootstrap clusters + BlackHole/Passthrough/InboundPassthrough + inbound clusters.
    expect(dump.clusters).toHaveLength(outbound.length + 8 + inboundPorts.size);
    expect(dump.endpoints.filter((e) => e.source === 'eds')).toHaveLength(outbound.length);
    const tcpPorts = mesh.services.reduce(
      (n, s) => n + s.ports.filter((p) => !['HTTP', 'HTTP2', 'GRPC'].includes(p.protocol)).length,
      0,
    );
    expect(dump.listeners.filter((l) => /^10\./.test(l.name))).toHaveLength(tcpPorts);
    // Canary VirtualServices route by weight to subsets that exist.
    const generatedVs = mesh.virtualServices.filter((vs) => vs.name.startsWith('svc-'));
    const canaries = generatedVs.filter((vs) => vs.http.some((h) => h.route.length > 1));
    expect(canaries.length).toBeGreaterThan(5);
    for (const vs of generatedVs) {
      const subsets = new Set(
        mesh.destinationRules.find((d) => d.host === vs.name)?.subsets.map((x) => x.name),
      );
      for (const h of vs.http) {
        for (const d of h.route)
          expect(subsets.has(d.subset ?? ''), `${vs.name} ${d.subset}`).toBe(true);
        if (h.route.length < 2) continue;
        expect(
          h.route.reduce((a, d) => a + (d.weight ?? 0), 0),
          vs.name,
        ).toBe(100);
      }
    }
  });

  it('honours versions and endpointsPerVersion', () => {
    const mesh = generateDemoMesh({ services: 10, versions: 2, endpointsPerVersion: 3 });
    for (const s of mesh.services.slice(4, 10)) expect(s.versions).toEqual(['v1', 'v2']);
    const reviews = mesh.services.find((s) => s.name === 'reviews');
    expect(reviews?.pods).toHaveLength(9);
    expect(mesh.proxies).toHaveLength((6 + 6 * 2) * 3 + 1);
    const dump = parseJson(JSON.stringify(mesh.proxies[0]?.dump));
    expect(
      dump.index.endpointsByCluster.get('outbound|9080|v2|reviews.bookinfo.svc.cluster.local')
        ?.endpoints,
    ).toHaveLength(3);
    expect(
      dump.index.endpointsByCluster.get('outbound|9080||reviews.bookinfo.svc.cluster.local')
        ?.endpoints,
    ).toHaveLength(9);
  });

  it('builds one 1000-service sidecar dump in a few seconds without building the others', () => {
    const start = Date.now();
    const mesh = generateDemoMesh({ services: 1000 });
    const proxy = mesh.proxies[0];
    if (!proxy) throw new Error('no proxy');
    const dump = generateSidecarDump(mesh, proxy.podName);
    const clusters = (dump.configs as { dynamic_active_clusters?: unknown[] }[])[1]
      ?.dynamic_active_clusters;
    expect(clusters?.length).toBeGreaterThan(2500);
    expect(Date.now() - start).toBeLessThan(20_000);
  });

  it('rejects a pod without a proxy', () => {
    const mesh = generateDemoMesh();
    const istiod = mesh.services.find((s) => s.name === 'istiod')?.pods[0]?.name ?? 'istiod';
    expect(() => generateSidecarDump(mesh, istiod)).toThrow(/no proxy/);
    expect(() => generateSidecarDump(mesh, 'nope')).toThrow(/no proxy in pod nope/);
  });
});
