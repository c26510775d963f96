// The compare view on istioctl's proxy-status diff fixtures (istiod's view vs a proxy that lost a
// circuit breaker, a router filter and two domains). The redacted export is in redact.e2e.ts.
import { describe, expect, test } from 'vitest';
import { diffDumps } from '../../packages/diff/src/index';
import { DiffPage } from '../pages/DiffPage';
import { loadDumpFile } from '../support/flows';
import { parseDumpFile } from '../support/model';
import { fixture } from '../support/paths';
import { saveDocsScreenshot } from '../support/screenshots';
import { useMeshlens } from '../support/session';

const session = useMeshlens();
const pilotFile = fixture('istioctl-golden', 'proxy-status-diff-istio14', 'pilotconfigdump.json');
const envoyFile = fixture(
  'istioctl-golden',
  'proxy-status-diff-istio14',
  'diffenvoyconfigdump.json',
);

/** Graph node id of a diff change's object, from the id scheme (not from the app's code). */
function nodeIdOf(ref: ReturnType<typeof diffDumps>['changes'][number]['ref']): string {
  switch (ref.kind) {
    case 'listener':
      return `listener:${ref.name}`;
    case 'cluster':
      return `cluster:${ref.name}`;
    case 'virtual_host':
      return `vh:${ref.routeConfig}/${ref.virtualHost}`;
    default:
      return `not expected here: ${ref.kind}`;
  }
}

describe('compare two dumps', () => {
  test('lists the changes meshlens diff reports, shows their fields and colours the graph', async () => {
    const expected = diffDumps(parseDumpFile(pilotFile), parseDumpFile(envoyFile));
    expect(expected.changes).toHaveLength(3);

    const s = session();
    const diff = new DiffPage(s.page);
    // The diff runs off the UI thread, in its own worker.
    const workers: string[] = [];
    s.page.on('worker', (w) => workers.push(w.url()));
    await s.shell.open();
    const pilot = await loadDumpFile(s, pilotFile);
    const envoy = await loadDumpFile(s, envoyFile);
    await diff.open();
    await diff.pick(pilot, envoy);

    const listed = await diff.listed();
    expect(listed.map((i) => i.key).sort()).toEqual(
      expected.changes.map((c) => `${c.kind}:${c.id}`).sort(),
    );
    expect(listed.map((i) => `${i.kind} ${i.status}`).sort()).toEqual(
      expected.changes.map((c) => `${c.kind} ${c.status}`).sort(),
    );

    const cluster = expected.changes.find((c) => c.kind === 'cluster');
    if (!cluster) throw new Error('the diff should report the istio-policy cluster');
    await diff.select(`cluster:${cluster.id}`);
    const rows = await diff.fields();
    const maxRequests = rows.find((r) => r.path.endsWith('maxRequests'));
    expect(
      maxRequests,
      `a maxRequests row among ${rows.map((r) => r.path).join(', ')}`,
    ).toBeDefined();
    expect(maxRequests?.left.trim()).toBe('10000');
    expect(maxRequests?.right.trim()).toBe('—');

    const ids = await diff.nodeIds();
    expect(ids.changed).toEqual(expected.changes.map((c) => nodeIdOf(c.ref)).sort());
    expect(ids.added).toEqual([]);
    expect(ids.removed).toEqual([]);
    expect(
      workers.some((u) => /diffWorker/.test(u)),
      workers.join(', '),
    ).toBe(true);

    // Shareable: the URL names both dumps and the selected change.
    const params = new URL(s.page.url()).searchParams;
    expect(params.get('d.l')).toBe(pilot);
    expect(params.get('d.r')).toBe(envoy);
    expect(params.get('d.s')).toBe(`cluster:${cluster.id}`);
    await saveDocsScreenshot(s.page, 'diff');

    // The link reopens the same comparison once the two files are opened again.
    const link = s.page.url();
    await s.page.goto(link);
    await s.page.getByTestId('upload-dropzone').waitFor({ state: 'visible' });
    await diff.uploadFiles([pilotFile, envoyFile]);
    expect(await diff.selectedKey()).toBe(`cluster:${cluster.id}`);
    expect((await diff.fields()).find((r) => r.path.endsWith('maxRequests'))?.left.trim()).toBe(
      '10000',
    );
    expect(await s.page.getByTestId('compare-left').inputValue()).toBe(pilot);
    expect(await s.page.getByTestId('compare-right').inputValue()).toBe(envoy);
  });

  test('swapping the sides turns removed fields into added ones', async () => {
    const s = session();
    const diff = new DiffPage(s.page);
    await s.shell.open();
    const pilot = await loadDumpFile(s, pilotFile);
    const envoy = await loadDumpFile(s, envoyFile);
    await diff.open();
    await diff.pick(envoy, pilot);
    const expected = diffDumps(parseDumpFile(envoyFile), parseDumpFile(pilotFile));
    const cluster = expected.changes.find((c) => c.kind === 'cluster');
    if (!cluster) throw new Error('the diff should report the istio-policy cluster');
    await diff.select(`cluster:${cluster.id}`);
    const row = (await diff.fields()).find((r) => r.path.endsWith('maxRequests'));
    expect(row?.left.trim()).toBe('—');
    expect(row?.right.trim()).toBe('10000');
  });
});
