// The shape of a large generated sidecar dump, per generated service: the ratios that make
// `--services 5000` a dump of ~30k clusters, ~15k routes and ~50k endpoints (issue 7).
import { parseConfigDump, type ConfigDump } from '@meshlens/configdump';
import { describe, expect, it } from 'vitest';
import { generateDemoMesh } from './generateDemoMesh';
import { generateSidecarDump } from './generateSidecarDump';

function productpageDump(services: number, seed: number): { text: string; dump: ConfigDump } {
  const mesh = generateDemoMesh({ services, seed });
  const pod = mesh.proxies.find((p) => p.app === 'productpage');
  if (!pod) throw new Error('no productpage proxy');
  const text = JSON.stringify(generateSidecarDump(mesh, pod.podName), null, 2);
  const parsed = parseConfigDump(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return { text, dump: parsed.dump };
}

function counts(dump: ConfigDump): { clusters: number; routes: number; endpoints: number } {
  return {
    clusters: dump.clusters.length,
    routes: dump.routeConfigs.reduce(
      (n, rc) => n + rc.virtualHosts.reduce((m, vh) => m + vh.routes.length, 0),
      0,
    ),
    endpoints: dump.endpoints.reduce((n, e) => n + e.endpoints.length, 0),
  };
}

describe('generated dump shape (per generated service)', () => {
  const base = productpageDump(4, 1);
  const big = productpageDump(204, 1);
  const c0 = counts(base.dump);
  const c1 = counts(big.dump);
  const per = (k: keyof typeof c0): number => (c1[k] - c0[k]) / 200;

  it('has ~6 clusters, ~3 routes and ~10 endpoints per service', () => {
    expect(per('clusters')).toBeGreaterThan(5);
    expect(per('clusters')).toBeLessThan(7);
    expect(per('routes')).toBeGreaterThan(2.3);
    expect(per('routes')).toBeLessThan(3.7);
    expect(per('endpoints')).toBeGreaterThan(8);
    expect(per('endpoints')).toBeLessThan(12.5);
    // ~50 kB of pretty JSON per service (a realistic Istio outbound cluster alone is ~5 kB).
    const bytes = (big.text.length - base.text.length) / 200;
    expect(bytes).toBeGreaterThan(35_000);
    expect(bytes).toBeLessThan(65_000);
  });

  it('has routes with header matches, retries, timeouts and weights, and several pods per version', () => {
    const routes = big.dump.routeConfigs.flatMap((rc) =>
      rc.virtualHosts.filter((vh) => vh.name.startsWith('svc-')).flatMap((vh) => vh.routes),
    );
    expect(routes.filter((r) => r.match.headers.length > 0).length).toBeGreaterThan(20);
    const raw = routes.map((r) => JSON.stringify(r.raw));
    expect(raw.filter((r) => r.includes('"per_try_timeout"')).length).toBeGreaterThan(20);
    expect(raw.filter((r) => /"timeout":"[1-9]\d*s"/.test(r)).length).toBeGreaterThan(20);
    expect(raw.filter((r) => r.includes('"weighted_clusters"')).length).toBeGreaterThan(20);
    const mesh = generateDemoMesh({ services: 204, seed: 1 });
    const podsPerVersion = mesh.services
      .filter((s) => s.name.startsWith('svc-'))
      .map((s) => s.pods.length / s.versions.length);
    expect(new Set(podsPerVersion)).toEqual(new Set([1, 2, 3]));
  });

  it('is a pure function of the seed', () => {
    expect(productpageDump(60, 5).text).toBe(productpageDump(60, 5).text);
    const other = productpageDump(60, 6);
    expect(other.text).not.toBe(productpageDump(60, 5).text);
  });
});
