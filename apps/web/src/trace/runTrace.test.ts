import { parseConfigDump } from '@meshlens/configdump';
import { generateDemoMesh } from '@meshlens/demo-mesh';
import { describe, expect, it } from 'vitest';
import { emptyDump } from '../testing/emptyDump';
import { describeOutcome } from './describeOutcome';
import { runTrace } from './runTrace';

describe('runTrace + describeOutcome on the demo productpage sidecar', () => {
  const proxy = generateDemoMesh().proxies.find((p) => p.app === 'productpage');
  if (!proxy) throw new Error('no productpage proxy in the demo mesh');
  const parsed = parseConfigDump(JSON.stringify(proxy.dump));
  if (!parsed.ok) throw new Error(parsed.error.message);
  const dump = parsed.dump;
  const line = 'GET http://reviews:9080/reviews/1';

  it('jason goes to the v2 cluster; the path ends at its endpoints', () => {
    const run = runTrace(dump, `${line}\n-H end-user: jason`);
    if (!run.ok) throw new Error(run.error.message);
    const head = describeOutcome(run.trace);
    expect(head.kind).toBe('cluster');
    expect(head.label).toMatch(/^cluster outbound\|9080\|v2\|reviews\./);
    expect(head.tone).toBe('ok');
    expect(run.path[run.path.length - 1]).toMatch(/^ep:outbound\|9080\|v2\|/);
  });

  it('without a random value the split is undecided; with one it picks v1 or v3', () => {
    const open = runTrace(dump, line);
    if (!open.ok) throw new Error(open.error.message);
    expect(describeOutcome(open.trace).kind).toBe('split');
    const picked = new Set<string>();
    for (const random of [0, 99]) {
      const run = runTrace(dump, `${line}\n--random ${random}`);
      if (!run.ok) throw new Error(run.error.message);
      picked.add(describeOutcome(run.trace).label);
    }
    expect([...picked].sort().join(' ')).toMatch(/\|v1\|.*\|v3\|/);
  });

  it('a nonsense line or header is an error on that field, not an exception', () => {
    const bad = runTrace(dump, 'GET reviews');
    expect(bad.ok || bad.error.field).toBe('line');
    const header = runTrace(dump, `${line}\n-H no-colon`);
    expect(header.ok || header.error.field).toBe('headers');
  });
});

describe('describeOutcome without listeners', () => {
  it('says why nothing was traced', () => {
    const run = runTrace(emptyDump(), 'GET http://a/');
    if (!run.ok) throw new Error(run.error.message);
    expect(run.path).toEqual([]);
    expect(describeOutcome(run.trace).kind).toBe('unknown');
  });
});
