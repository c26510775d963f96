import { describe, expect, it } from 'vitest';
import { generateDemoMesh } from './generateDemoMesh';
import { createRandom } from './random';
import { teamNamespaceName, teamNamespaces } from './teamNamespaces';

function sizes(namespaces: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const ns of namespaces) out.set(ns, (out.get(ns) ?? 0) + 1);
  return out;
}

describe('team namespaces of generated services', () => {
  it('splits 996 services into runs of 25-50 per namespace, each namespace contiguous', () => {
    const namespaces = teamNamespaces(createRandom(7), 996);
    expect(namespaces).toHaveLength(996);
    const bySize = sizes(namespaces);
    expect(bySize.size).toBeGreaterThanOrEqual(20);
    expect(bySize.size).toBeLessThanOrEqual(40);
    for (const [ns, n] of bySize) {
      expect(n, ns).toBeGreaterThanOrEqual(25);
      // The last run may absorb a short remainder (< 25).
      expect(n, ns).toBeLessThan(75);
    }
    // Contiguous: a namespace never comes back after another one started.
    const seen = new Set<string>();
    namespaces.forEach((ns, i) => {
      if (ns !== namespaces[i - 1]) {
        expect(seen.has(ns), ns).toBe(false);
        seen.add(ns);
      }
    });
  });

  it('puts a small mesh in one namespace and no service at all in none', () => {
    expect(new Set(teamNamespaces(createRandom(1), 10))).toEqual(new Set([teamNamespaceName(0)]));
    expect(teamNamespaces(createRandom(1), 0)).toEqual([]);
  });

  it('names namespaces uniquely past the end of the team list', () => {
    const names = Array.from({ length: 200 }, (_, i) => teamNamespaceName(i));
    expect(new Set(names).size).toBe(200);
    for (const n of names) expect(n).toMatch(/^[a-z]([-a-z0-9]*[a-z0-9])?$/);
  });

  it('keeps Bookinfo in bookinfo and is a pure function of the seed', () => {
    const a = generateDemoMesh({ services: 1000, seed: 3 });
    const b = generateDemoMesh({ services: 1000, seed: 3 });
    const c = generateDemoMesh({ services: 1000, seed: 4 });
    const layout = (m: typeof a): string[] => m.services.map((s) => `${s.namespace}/${s.name}`);
    expect(layout(a)).toEqual(layout(b));
    expect(layout(a)).not.toEqual(layout(c));
    for (const name of ['productpage', 'details', 'reviews', 'ratings']) {
      expect(a.services.find((s) => s.name === name)?.namespace).toBe('bookinfo');
    }
    // Routing config follows its service into the team namespace.
    for (const dr of a.destinationRules.filter((d) => d.name.startsWith('svc-'))) {
      expect(dr.namespace).toBe(a.services.find((s) => s.name === dr.host)?.namespace);
    }
  });
});
