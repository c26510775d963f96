// The fold-stage node counts against the aggregation they predict: the counts decide how many
// levels fold, so each must equal the node count of the aggregated graph it stands for.
import { readFileSync } from 'node:fs';
import { parseConfigDump, type ConfigDump } from '@meshlens/configdump';
import { generateDemoMesh } from '@meshlens/demo-mesh';
import { describe, expect, it } from 'vitest';
import { describeFixtures, fixture, listFixtureFiles } from '../../../tests/conformance/fixtures';
import { aggregateGraph } from './aggregateGraph';
import { buildGraphSkeleton } from './buildGraphSkeleton';
import { foldStageCounts } from './foldStageCounts';
import { aggregationStages } from './groupKeys';

function check(dump: ConfigDump, keep?: string): number[] {
  const full = buildGraphSkeleton(dump);
  const counts = foldStageCounts(dump, full, keep);
  expect(counts).toHaveLength(aggregationStages.length);
  counts.forEach((n, i) => {
    const agg = aggregateGraph(dump, full, aggregationStages.slice(0, i + 1), new Set(), keep);
    expect(n, `stage ${i + 1}`).toBe(agg.nodes.length);
  });
  return counts;
}

describe('foldStageCounts', () => {
  it('matches aggregateGraph at every stage on a 300-service demo sidecar', () => {
    const proxy = generateDemoMesh({ services: 300 }).proxies.find((p) => p.app === 'productpage');
    if (!proxy) throw new Error('no productpage proxy');
    const res = parseConfigDump(JSON.stringify(proxy.dump));
    if (!res.ok) throw new Error(res.error.message);
    const counts = check(res.dump);
    // Folding must actually shrink this graph, or the comparison proves little.
    expect(counts[counts.length - 1]).toBeLessThan(counts[0] ?? 0);
    const someEndpoint = buildGraphSkeleton(res.dump).nodes.find((n) => n.kind === 'endpoint');
    check(res.dump, someEndpoint?.id);
  });

  it('stops early once the stop condition holds', () => {
    const proxy = generateDemoMesh({ services: 50 }).proxies.find((p) => p.app === 'productpage');
    const res = proxy && parseConfigDump(JSON.stringify(proxy.dump));
    if (!res?.ok) throw new Error('demo dump did not parse');
    const full = buildGraphSkeleton(res.dump);
    expect(foldStageCounts(res.dump, full, undefined, () => true)).toHaveLength(1);
  });
});

describeFixtures('foldStageCounts on real dumps', () => {
  it('matches aggregateGraph at every stage on the captured config dumps', () => {
    const files = listFixtureFiles('config-dumps').filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const res = parseConfigDump(readFileSync(fixture(f), 'utf8'), { fileName: f });
      if (res.ok) check(res.dump);
    }
  });
});
