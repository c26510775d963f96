import { generateDemoMesh } from '@meshlens/demo-mesh';
import { buildConfigTopology } from '@meshlens/topology';
import { describe, expect, it } from 'vitest';
import { boxLayout } from './boxLayout';
import { configModel } from './topoModel';
import { collapseBoxes } from './topoView';

// The generated demo mesh (simulated, 300 services over several team namespaces).
describe('big config graphs of a generated demo mesh: box grid layout and collapsed boxes', () => {
  const mesh = generateDemoMesh({ services: 300 });
  const graph = buildConfigTopology({
    registry: mesh.services.map((s) => ({
      hostname: s.hostname,
      name: s.name,
      namespace: s.namespace,
      registry: 'Kubernetes',
      ports: s.ports.map((p) => ({ name: p.name, port: p.port, protocol: p.protocol })),
      meshExternal: false,
    })),
    listed: mesh.proxies.map((p) => ({
      name: p.podName,
      namespace: p.namespace,
      type: p.proxyType,
    })),
  });
  const model = configModel(graph, 'Kubernetes');

  it('places every leaf node, each inside its own box and no two on one spot', () => {
    const at = boxLayout(model);
    const leaves = model.nodes.filter((n) => !n.box);
    expect(at.size).toBe(leaves.length);
    expect(new Set([...at.values()].map((p) => `${p.x},${p.y}`)).size).toBe(leaves.length);
    // The bounding boxes of two namespaces' members do not overlap (shelf packing).
    const bounds = new Map<string, { x1: number; y1: number; x2: number; y2: number }>();
    for (const n of leaves) {
      const p = at.get(n.id);
      if (!p || !n.parent) continue;
      const b = bounds.get(n.parent) ?? { x1: p.x, y1: p.y, x2: p.x, y2: p.y };
      bounds.set(n.parent, {
        x1: Math.min(b.x1, p.x),
        y1: Math.min(b.y1, p.y),
        x2: Math.max(b.x2, p.x),
        y2: Math.max(b.y2, p.y),
      });
    }
    const list = [...bounds.values()];
    expect(list.length).toBeGreaterThan(3);
    for (const [i, a] of list.entries()) {
      for (const b of list.slice(i + 1)) {
        const apart = a.x2 < b.x1 || b.x2 < a.x1 || a.y2 < b.y1 || b.y2 < a.y1;
        expect(apart).toBe(true);
      }
    }
  });

  it('collapsed namespaces hold their members, say what they hold, and merge the edges between them', () => {
    const boxes = model.nodes.filter((n) => n.box === 'namespace');
    const c = collapseBoxes(model, new Set(boxes.map((b) => b.id)));
    expect(c.nodes).toHaveLength(boxes.length);
    for (const b of c.nodes) {
      const members = model.nodes.filter((n) => !n.box && n.parent === b.id);
      expect(b.members, b.id).toBe(members.length);
      const services = members.filter((n) => n.kind === 'service').length;
      if (services > 0) expect(b.label).toContain(`${services} service`);
    }
    const crossing = model.edges.filter((e) => {
      const s = model.nodes.find((n) => n.id === e.source)?.parent;
      const t = model.nodes.find((n) => n.id === e.target)?.parent;
      return s !== t;
    });
    expect(c.edges.reduce((n, e) => n + (e.merged ?? 1), 0)).toBe(crossing.length);
  });

  it('lays collapsed namespaces out as a grid of their drawn size (160 x 56), none overlapping', () => {
    const boxes = model.nodes.filter((n) => n.box === 'namespace');
    const at = boxLayout(collapseBoxes(model, new Set(boxes.map((b) => b.id))));
    const points = boxes.map((b) => at.get(b.id));
    expect(points.every((p) => p !== undefined)).toBe(true);
    const placed = points.filter((p): p is { x: number; y: number } => p !== undefined);
    for (const [i, a] of placed.entries()) {
      for (const b of placed.slice(i + 1)) {
        const apart = Math.abs(a.x - b.x) >= 160 + 8 || Math.abs(a.y - b.y) >= 56 + 8;
        expect(apart, `${JSON.stringify(a)} vs ${JSON.stringify(b)}`).toBe(true);
      }
    }
    // A grid, not one tall column: several columns and about as wide as high on screen.
    const columns = new Set(placed.map((p) => p.x)).size;
    expect(columns).toBeGreaterThan(2);
    const w = Math.max(...placed.map((p) => p.x)) - Math.min(...placed.map((p) => p.x));
    const h = Math.max(...placed.map((p) => p.y)) - Math.min(...placed.map((p) => p.y));
    expect(w).toBeGreaterThan(h);
  });
});
