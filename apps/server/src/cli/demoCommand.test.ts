import { generateDemoMesh } from '@meshlens/demo-mesh';
import { describe, expect, it } from 'vitest';
import { demoSummary } from './demoCommand';

describe('meshlens demo summary', () => {
  it('counts Bookinfo alone in its namespace', () => {
    const mesh = generateDemoMesh();
    const text = demoSummary(mesh, mesh.proxies.slice(0, 1));
    expect(text).toContain('Demo mesh: 4 services in bookinfo (+2 in istio-system)');
  });

  it('counts the team namespaces of a grown mesh', () => {
    const mesh = generateDemoMesh({ services: 120 });
    const text = demoSummary(mesh, mesh.proxies.slice(0, 1));
    const m =
      /Demo mesh: 120 services in bookinfo and (\d+) team namespaces \(\+2 in istio-system\)/.exec(
        text,
      );
    expect(m, text).not.toBeNull();
    // 116 generated services in runs of 25-50.
    expect(Number(m?.[1])).toBeGreaterThanOrEqual(2);
    expect(Number(m?.[1])).toBeLessThanOrEqual(4);
    // One row: the productpage sidecar with its counts from the parsed dump.
    expect(text).toMatch(/^productpage-v1-\S+\s+bookinfo\s+sidecar\s+/m);
  });
});
