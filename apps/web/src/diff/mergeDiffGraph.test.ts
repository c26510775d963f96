import { readFileSync } from 'node:fs';
import { type ConfigDump, parseConfigDump } from '@meshlens/configdump';
import { diffDumps } from '@meshlens/diff';
import { buildProxyGraph } from '@meshlens/proxy-graph';
import { expect, it } from 'vitest';
import { describeFixtures, fixture } from '../../../../tests/conformance/fixtures';
import { changeKey, displayStatus } from './changeNodeId';
import { idsWithStatus, mergeDiffGraph } from './mergeDiffGraph';

const dir = 'istioctl-golden/proxy-status-diff-istio14';

function parse(text: string): ConfigDump {
  const r = parseConfigDump(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.dump;
}

interface RawDump {
  configs: { dynamicActiveClusters?: { cluster: { name: string } }[] }[];
}

describeFixtures('mergeDiffGraph', () => {
  const pilot = parse(readFileSync(fixture(dir, 'pilotconfigdump.json'), 'utf8'));
  const envoy = parse(readFileSync(fixture(dir, 'diffenvoyconfigdump.json'), 'utf8'));

  it('colours the node of every changed object the graph draws, and nothing else', () => {
    const diff = diffDumps(pilot, envoy);
    const merged = mergeDiffGraph(buildProxyGraph(pilot), buildProxyGraph(envoy), diff);
    // Ids written from the node id scheme, not from changeNodeId.
    const expected = diff.changes.map((c) => {
      if (c.ref.kind === 'virtual_host') return `vh:${c.ref.routeConfig}/${c.ref.virtualHost}`;
      if (c.ref.kind === 'listener') return `listener:${c.ref.name}`;
      if (c.ref.kind === 'cluster') return `cluster:${c.ref.name}`;
      return `unexpected ${c.kind}`;
    });
    expect(expected).toHaveLength(3);
    expect(idsWithStatus(merged, 'changed')).toEqual([...expected].sort());
    expect(idsWithStatus(merged, 'added')).toEqual([]);
    expect(idsWithStatus(merged, 'removed')).toEqual([]);
    const drawn = new Set(merged.graph.nodes.map((n) => n.id));
    for (const id of expected) expect(drawn.has(id), id).toBe(true);
    expect(diff.changes.map(displayStatus)).toEqual(['changed', 'changed', 'changed']);
    expect(new Set(diff.changes.map(changeKey)).size).toBe(3);
  });

  it('puts a cluster only the left dump has back into the right graph, red, with its edges', () => {
    const raw = JSON.parse(readFileSync(fixture(dir, 'pilotconfigdump.json'), 'utf8')) as RawDump;
    const section = raw.configs.find((c) => c.dynamicActiveClusters);
    const gone = section?.dynamicActiveClusters?.find((c) =>
      c.cluster.name.startsWith('outbound|15004|'),
    );
    if (!section?.dynamicActiveClusters || !gone) throw new Error('fixture changed');
    const goneName = gone.cluster.name;
    section.dynamicActiveClusters = section.dynamicActiveClusters.filter((c) => c !== gone);
    const smaller = parse(JSON.stringify(raw));

    const removed = mergeDiffGraph(
      buildProxyGraph(pilot),
      buildProxyGraph(smaller),
      diffDumps(pilot, smaller),
    );
    expect(idsWithStatus(removed, 'removed')).toContain(`cluster:${goneName}`);
    expect(buildProxyGraph(smaller).nodes.some((n) => n.id === `cluster:${goneName}`)).toBe(false);
    expect(removed.graph.nodes.some((n) => n.id === `cluster:${goneName}`)).toBe(true);
    expect(removed.graph.edges.some((e) => e.target === `cluster:${goneName}`)).toBe(true);

    // The other way round it is added, and nothing is put back.
    const added = mergeDiffGraph(
      buildProxyGraph(smaller),
      buildProxyGraph(pilot),
      diffDumps(smaller, pilot),
    );
    expect(idsWithStatus(added, 'added')).toContain(`cluster:${goneName}`);
    expect(idsWithStatus(added, 'removed')).toEqual([]);
    expect(added.graph.nodes).toHaveLength(buildProxyGraph(pilot).nodes.length);
  });
});
