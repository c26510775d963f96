import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { parseConfigDump } from '@meshlens/configdump';
import { diffDumps } from '@meshlens/diff';
import { expect, it } from 'vitest';
import { describeFixtures, fixture } from '../../../../tests/conformance/fixtures';
import { runDiffJob } from './runDiffJob';

const dir = 'istioctl-golden/proxy-status-diff-istio14';

describeFixtures('runDiffJob', () => {
  const pilot = readFileSync(fixture(dir, 'pilotconfigdump.json'), 'utf8');
  const envoy = readFileSync(fixture(dir, 'diffenvoyconfigdump.json'), 'utf8');

  it('diffs a pasted text against a gzipped file as diffDumps does on the parsed models', async () => {
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
