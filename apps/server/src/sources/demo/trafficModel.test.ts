import { generateDemoMesh } from '@meshlens/demo-mesh';
import { describe, expect, it } from 'vitest';
import { buildTrafficModel } from './trafficModel';

describe('demo traffic model of generated services (simulated mesh)', () => {
  const mesh = generateDemoMesh({ services: 1000, versions: 3 });
  const edges = buildTrafficModel(mesh);
  const generated = mesh.services.filter((s) => s.name.startsWith('svc-'));
  const namespaceOf = new Map(mesh.services.map((s) => [s.name, s.namespace]));
  const frontDoors = new Set<string>();
  const seen = new Set<string>();
  for (const s of generated) {
    if (seen.has(s.namespace) || s.ports.every((p) => p.protocol === 'TCP')) continue;
    seen.add(s.namespace);
    frontDoors.add(s.name);
  }

  it('gives every generated service a caller; only front doors are called from bookinfo', () => {
    const callers = new Map<string, Set<string>>();
    for (const e of edges) {
      const set = callers.get(e.service.name) ?? new Set<string>();
      set.add(`${e.source.namespace}/${e.source.app}`);
      callers.set(e.service.name, set);
    }
    for (const s of generated) {
      const from = [...(callers.get(s.name) ?? [])];
      expect(from.length, s.name).toBeGreaterThan(0);
      const fromBookinfo = from.filter((c) => c.startsWith('bookinfo/'));
      expect(fromBookinfo, s.name).toEqual(frontDoors.has(s.name) ? ['bookinfo/productpage'] : []);
    }
  });

  it('keeps most calls inside a team namespace and sends cross-team calls to front doors', () => {
    const calls = edges.filter(
      (e) => e.source.app.startsWith('svc-') && e.destination.app.startsWith('svc-'),
    );
    const cross = calls.filter((e) => e.source.namespace !== e.destination.namespace);
    expect(cross.length).toBeGreaterThan(0);
    expect(cross.length / calls.length).toBeLessThan(0.2);
    for (const e of cross) expect(frontDoors.has(e.service.name), e.service.name).toBe(true);
    for (const e of calls) expect(e.destination.namespace).toBe(namespaceOf.get(e.service.name));
  });

  it('never has a TCP-only service (a database) call anyone', () => {
    const tcpOnly = new Set(
      generated.filter((s) => s.ports.every((p) => p.protocol === 'TCP')).map((s) => s.name),
    );
    expect(tcpOnly.size).toBeGreaterThan(0);
    for (const e of edges) expect(tcpOnly.has(e.source.app), e.source.app).toBe(false);
  });
});
