import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { parseConfigDump } from '@meshlens/configdump';
import { diffDumps } from '@meshlens/diff';
import { expect, it } from 'vitest';
import { describeFixtures, fixture } from '../../../../tests/conformance/fixtures';
import { packDiffSummary, unpackDiffSummary } from './diffSummary';
import { runDiffJob } from './runDiffJob';

const dir = 'istioctl-golden/proxy-status-diff-istio14';

describeFixtures('runDiffJob', () => {
  const pilot = readFileSync(fixture(dir, 'pilotconfigdump.json'), 'utf8');
  const envoy = readFileSync(fixture(dir, 'diffenvoyconfigdump.json'), 'utf8');

  it('diffs a pasted text against a gzipped file as diffDumps does, with the list summary and merged graph', async () => {
    const a = parseConfigDump(pilot);
    const b = parseConfigDump(envoy);
    if (!a.ok || !b.ok) throw new Error('fixture does not parse');
    const r = await runDiffJob(
      { kind: 'text', name: 'pilot.json', text: pilot },
      { kind: 'blob', name: 'envoy.json.gz', blob: new Blob([gzipSync(envoy)]) },
    );
    if (!r.ok) throw new Error(r.message);
    expect(r.diff.changes.map((c) => `${c.kind} ${c.status} ${c.id}`)).toEqual(
      diffDumps(a.dump, b.dump).changes.map((c) => `${c.kind} ${c.status} ${c.id}`),
    );
    expect(r.diff.changes).toHaveLength(3);
    // The page gets one small record per change and the merged graph, built in the same job.
    expect(r.summary.changes.map((c) => [c.index, c.key])).toEqual(
      r.diff.changes.map((c, i) => [i, `${c.kind}:${c.id}`]),
    );
    expect(r.summary.changes.every((c) => !('fields' in c) && !('before' in c))).toBe(true);
    // Packed for postMessage and back, the summary is the same.
    expect(unpackDiffSummary(packDiffSummary(r.summary))).toEqual(r.summary);
    // The Cytoscape elements are the merged graph's, with the change's node classed `diff-changed`.
    const drawn = new Set(r.graph.graph.nodes.map((n) => n.id));
    const elementIds = r.elements.filter((e) => e.group === 'nodes').map((e) => String(e.data.id));
    expect(new Set(elementIds)).toEqual(drawn);
    for (const c of r.summary.changes) {
      expect(c.nodeId, c.key).toBeDefined();
      expect(drawn.has(c.nodeId!), c.nodeId).toBe(true);
      expect(r.graph.changeOf.get(c.nodeId!)).toBe(c.index);
      const el = r.elements.find((e) => e.data.id === c.nodeId);
      expect(String(el?.classes), c.nodeId).toMatch(new RegExp(`\\bdiff-${c.status}\\b`));
    }
  });

  it('a source that no longer parses is an error naming it', async () => {
    const r = await runDiffJob(
      { kind: 'text', name: 'pilot.json', text: pilot },
      { kind: 'text', name: 'broken.json', text: '{"configs": [' },
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^broken\.json: /);
  });
});
