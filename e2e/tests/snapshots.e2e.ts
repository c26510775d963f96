// Snapshots against the real server (SQLite store in the suite's temp data dir): save an uploaded
// fixture and a live proxy of the demo mesh simulator, see them listed, reopen them through their
// permalinks with the saved view, compare two of them, delete one and get a clear error from its
// link. Writes docs/screenshots/snapshots.png.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type {
  CapabilitiesResponse,
  MeshProxiesResponse,
  SnapshotListResponse,
  SnapshotResponse,
} from '@meshlens/contract';
import { describe, expect, test } from 'vitest';
import { diffDumps } from '../../packages/diff/src/index';
import { DiffPage } from '../pages/DiffPage';
import { MeshPage } from '../pages/MeshPage';
import { SnapshotsPage } from '../pages/SnapshotsPage';
import { loadDumpFile } from '../support/flows';
import { type StartedServer, startMeshlensServer } from '../support/meshlensServer';
import { outboundListenerOnPort } from '../support/graphChecks';
import { clustersContaining, parseDumpFile, parseDumpText } from '../support/model';
import { fixture } from '../support/paths';
import { saveDocsScreenshot } from '../support/screenshots';
import { useMeshlens } from '../support/session';

const session = useMeshlens();
const ingressFixture = fixture('config-dumps', 'istio13-ingressgateway-v2alpha.json');
const pilotFile = fixture('istioctl-golden', 'proxy-status-diff-istio14', 'pilotconfigdump.json');
const envoyFile = fixture(
  'istioctl-golden',
  'proxy-status-diff-istio14',
  'diffenvoyconfigdump.json',
);
// Every run shares the suite's store: unique names keep the tests independent of each other.
const run = Date.now().toString(36);

async function api<T>(baseUrl: string, path: string): Promise<{ status: number; body: T }> {
  const res = await fetch(`${baseUrl}${path}`);
  return { status: res.status, body: (await res.json()) as T };
}

async function listed(baseUrl: string): Promise<SnapshotListResponse['snapshots']> {
  return (await api<SnapshotListResponse>(baseUrl, '/api/snapshots')).body.snapshots;
}

/**
 * A second `meshlens serve`. The free port is probed before the server binds it, so on this shared
 * machine another process can take it in between: that one failure is retried once.
 */
async function startServerRetryingPort(args: string[]): Promise<StartedServer> {
  try {
    return await startMeshlensServer(240_000, args);
  } catch (err) {
    if (!/already in use/.test(String(err))) throw err;
    return startMeshlensServer(240_000, args);
  }
}

describe('snapshots', () => {
  test('an uploaded fixture is saved exactly as loaded, listed, and its permalink restores the filtered table', async () => {
    const s = session();
    const snaps = new SnapshotsPage(s.page);
    await s.shell.open();
    const label = await loadDumpFile(s, ingressFixture);
    await s.shell.go('tables');
    await s.tables.openTab('clusters');
    const term = 'istio-pilot';
    const expected = clustersContaining(parseDumpFile(ingressFixture), term).length;
    await s.tables.filter(term);
    await s.tables.waitForShown(expected);
    const { total } = await s.tables.rowCount();
    expect(expected, 'the filter narrows the table').toBeLessThan(total);

    // The offered name: the proxy id (pod.namespace) when the dump names one, then the time.
    const node = parseDumpFile(ingressFixture).node;
    const proxyId = node?.podName && node.namespace ? `${node.podName}.${node.namespace}` : label;
    const offered = await snaps.defaultName();
    expect(offered.startsWith(`${proxyId} `), offered).toBe(true);
    expect(offered).toMatch(/ \d{4}-\d\d-\d\d \d\d:\d\d$/);
    const name = `ingress clusters ${run}`;
    const saved = await snaps.save(name);
    expect(saved.permalink).toBe(`${s.baseUrl}/?snapshot=${saved.id}`);

    // The server holds the file's text byte for byte, as an upload named after the file.
    const meta = await api<SnapshotResponse>(s.baseUrl, `/api/snapshots/${saved.id}`);
    expect(meta.status).toBe(200);
    expect(meta.body.snapshot).toMatchObject({
      name,
      kind: 'upload',
      source: basename(ingressFixture),
      dumpBytes: statSync(ingressFixture).size,
    });
    const dumpText = await (await fetch(`${s.baseUrl}/api/snapshots/${saved.id}/dump`)).text();
    expect(dumpText === readFileSync(ingressFixture, 'utf8'), 'dump text as loaded').toBe(true);
    const view = new URLSearchParams(meta.body.snapshot.viewState ?? '');
    expect(view.get('table')).toBe('clusters');
    expect(view.get('q')).toBe(term);

    // Listed on the Snapshots page, newest first, like the API.
    await snaps.open();
    const rows = await snaps.list();
    expect(rows.map((r) => r.id)).toEqual((await listed(s.baseUrl)).map((m) => m.id));
    expect(rows[0]).toEqual({
      id: saved.id,
      name,
      kind: 'upload',
      source: basename(ingressFixture),
    });
    expect(await snaps.linkOf(name)).toBe(saved.permalink);

    // A fresh page load through the permalink: the snapshot's tab, the same filtered table.
    await s.page.goto(saved.permalink);
    await s.shell.waitForDump(name);
    await s.tables.waitForShown(expected);
    expect(await s.tables.rowCount()).toMatchObject({ shown: expected, total });
    expect(await s.tables.filterInput().inputValue()).toBe(term);
    const params = new URL(s.page.url()).searchParams;
    expect(params.get('dump')).toBe(name);
    expect(params.get('table')).toBe('clusters');
    expect(params.has('snapshot'), 'the address no longer names the snapshot').toBe(false);
  });

  test('a live proxy of the demo mesh simulator opened from the Mesh page is saved as live and reopens focused', async () => {
    const s = session();
    const snaps = new SnapshotsPage(s.page);
    const proxies = await api<MeshProxiesResponse>(s.baseUrl, '/api/mesh/proxies');
    const proxy = proxies.body.proxies.find((p) => p.name.startsWith('productpage-'));
    if (!proxy) throw new Error('the demo mesh should have a productpage proxy');
    const liveText = await (
      await fetch(`${s.baseUrl}/api/mesh/proxies/${encodeURIComponent(proxy.id)}/config_dump`)
    ).text();
    const model = parseDumpText(liveText, 'productpage.json');
    const listener = `listener:${outboundListenerOnPort(model, 9080).name}`;

    await s.page.goto('/');
    const mesh = new MeshPage(s.page);
    await mesh.open();
    await mesh.openProxy(proxy.id);
    await s.shell.waitForDump(proxy.name);
    await s.graph.waitReady();
    const whole = (await s.graph.visibleNodeIds()).length;
    await s.graph.focusViaHook(listener);
    await expect.poll(() => new URL(s.page.url()).searchParams.get('g.focus')).toBe(listener);
    const focused = (await s.graph.visibleNodeIds()).sort();
    expect(focused.length, 'the focus hides part of the graph').toBeLessThan(whole);

    expect(await snaps.defaultName()).toMatch(
      new RegExp(`^${proxy.id.replace(/\./g, '\\.')} \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d$`),
    );
    const name = `productpage live ${run}`;
    const saved = await snaps.save(name);
    const meta = (await api<SnapshotResponse>(s.baseUrl, `/api/snapshots/${saved.id}`)).body;
    expect(meta.snapshot).toMatchObject({ name, kind: 'live', source: proxy.id });
    const savedText = await (await fetch(`${s.baseUrl}/api/snapshots/${saved.id}/dump`)).text();
    expect(parseDumpText(savedText, 'saved.json').node?.podName).toBe(proxy.name);

    await s.page.goto(saved.permalink);
    await s.shell.waitForDump(name);
    await s.graph.waitReady();
    expect(new URL(s.page.url()).searchParams.get('view')).toBe('graph');
    expect(new URL(s.page.url()).searchParams.get('g.focus')).toBe(listener);
    expect((await s.graph.visibleNodeIds()).sort(), 'the same focused graph').toEqual(focused);
  });

  test('compares two saved snapshots (istioctl proxy-status diff fixtures) and a snapshot with an open tab', async () => {
    const s = session();
    const snaps = new SnapshotsPage(s.page);
    const expected = diffDumps(parseDumpFile(pilotFile), parseDumpFile(envoyFile));
    expect(expected.changes).toHaveLength(3);
    await s.shell.open();
    await loadDumpFile(s, pilotFile);
    const before = `istiod view ${run}`;
    await snaps.save(before);
    const envoyLabel = await loadDumpFile(s, envoyFile);
    const after = `envoy view ${run}`;
    await snaps.save(after);

    // A fresh page: nothing open, both sides come from the server.
    await s.shell.open();
    await snaps.open();
    // Picked newest first; the older snapshot still goes left ("before").
    await snaps.pick(after);
    await snaps.pick(before);
    await snaps.compare();
    const diff = new DiffPage(s.page);
    expect(await s.page.getByTestId('compare-left').inputValue()).toBe(before);
    expect(await s.page.getByTestId('compare-right').inputValue()).toBe(after);
    const items = await diff.listed();
    expect(items).toHaveLength(expected.changes.length);
    expect(items.map((i) => i.kind).sort()).toEqual(expected.changes.map((c) => c.kind).sort());
    expect(await s.shell.dumpTabs().count(), 'one tab per snapshot').toBe(2);

    // Against an open tab: the envoy file opened again, compared with the istiod snapshot.
    await s.shell.dumpTab(after).click();
    await loadDumpFile(s, envoyFile);
    await snaps.open();
    await snaps.pick(before);
    await snaps.compare(envoyLabel);
    expect(await s.page.getByTestId('compare-left').inputValue()).toBe(before);
    expect(await s.page.getByTestId('compare-right').inputValue()).toBe(envoyLabel);
    expect(await diff.listed()).toHaveLength(expected.changes.length);
    expect(await s.shell.dumpTabs().count(), 'the snapshot tab was reused').toBe(3);

    await snaps.open();
    await snaps.pick(before);
    await snaps.pick(after);
    await saveDocsScreenshot(s.page, 'snapshots');
  });

  test('a deleted snapshot leaves the list and its permalink shows a clear error, not a blank page', async () => {
    const s = session();
    const snaps = new SnapshotsPage(s.page);
    await s.shell.open();
    const label = await loadDumpFile(s, ingressFixture);
    // Markup in a name stays text everywhere it is shown.
    const name = `<img src=x onerror="window.__snapXss=1">to delete ${run}`;
    const saved = await snaps.save(name);
    await snaps.open();
    expect(await snaps.row(name).getByTestId('snapshot-name-cell').innerText()).toBe(name);
    expect(await s.page.locator('[data-testid="snapshots-page"] img').count()).toBe(0);
    expect(await s.page.evaluate(() => 'snapXss' in window || '__snapXss' in window)).toBe(false);
    await snaps.delete(name);
    expect((await listed(s.baseUrl)).map((m) => m.id)).not.toContain(saved.id);
    expect((await api<unknown>(s.baseUrl, `/api/snapshots/${saved.id}`)).status).toBe(404);
    // The open dump is untouched by the delete.
    expect(await s.shell.dumpTab(label).count()).toBe(1);

    await s.page.goto(saved.permalink);
    const banner = snaps.errorBanner();
    await banner.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await banner.innerText()).toMatch(/does not exist on this server/);
    expect(await banner.innerText()).toContain(saved.id);
    await s.page.getByTestId('upload-dropzone').waitFor({ state: 'visible' });
    // The landing page does not take the link for a view of some dump to open again.
    expect(await s.page.getByText('This link points at a view of a dump').count()).toBe(0);
    // The banner leads to the list.
    await banner.getByRole('button', { name: 'See the saved snapshots' }).click();
    await s.page.getByTestId('snapshots-page').waitFor({ state: 'visible' });
  });

  test('the server announces its SQLite store in the suite temp dir; without a store (capabilities rewritten by the browser to simulate one) no snapshot action shows', async () => {
    const s = session();
    const caps = (await api<CapabilitiesResponse>(s.baseUrl, '/api/capabilities')).body;
    expect(caps.snapshots?.store).toBe('sqlite');
    expect(caps.snapshots?.description).toContain(tmpdir());
    expect(caps.snapshots?.description).not.toContain(join(homedir(), '.meshlens'));

    await s.page.route('**/api/capabilities', async (route) => {
      const res = await route.fetch();
      const { snapshots: _dropped, ...rest } = (await res.json()) as CapabilitiesResponse;
      await route.fulfill({ response: res, json: rest });
    });
    await s.shell.open();
    await loadDumpFile(s, ingressFixture);
    // The capabilities have arrived (the Mesh button depends on them) and the view bar is there.
    await s.page.getByTestId('nav-mesh').waitFor({ state: 'visible' });
    await s.page.getByTestId('redact-open').waitFor({ state: 'visible' });
    expect(await s.page.getByTestId('nav-snapshots').count()).toBe(0);
    expect(await s.page.getByTestId('snapshot-save-open').count()).toBe(0);
  });

  test('a second real server with its store down (--data-dir on a file) and --max-upload 64kb answers 413 / store errors that the page shows, keeping the open dumps', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'meshlens-e2e-broken-store-'));
    const notADir = join(dir, 'not-a-dir');
    writeFileSync(notADir, '');
    const other = await startServerRetryingPort([
      '--data-dir',
      notADir,
      '--max-upload',
      '64kb',
      // No local Prometheus for this short-lived server (the topology page is not used here).
      '--prometheus',
      'http://127.0.0.1:9',
    ]);
    try {
      const s = session();
      const snaps = new SnapshotsPage(s.page);
      await s.page.goto(`${other.url}/`);
      await s.page.getByTestId('upload-dropzone').waitFor({ state: 'visible' });
      expect(statSync(ingressFixture).size).toBeGreaterThan(64 * 1024);
      const big = await loadDumpFile(s, ingressFixture);
      const tooLarge = await snaps.saveFailing(`too large ${run}`);
      expect(tooLarge).toMatch(/larger than this server accepts \(64(\.0)? KB\)/);
      expect(tooLarge).toContain('meshlens snapshot save');

      expect(statSync(pilotFile).size).toBeLessThan(32 * 1024);
      const small = await loadDumpFile(s, pilotFile);
      const storeDown = await snaps.saveFailing(`store down ${run}`);
      expect(storeDown).toMatch(/^Not saved: /);
      expect(storeDown).toContain('not-a-dir');

      expect(await s.shell.dumpTab(big).count()).toBe(1);
      expect(await s.shell.activeDumpName()).toBe(small);
    } finally {
      await other.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a save that cannot reach the server (network failure simulated by the browser) says so and keeps the open dump', async () => {
    const s = session();
    const snaps = new SnapshotsPage(s.page);
    await s.shell.open();
    const label = await loadDumpFile(s, ingressFixture);
    const count = (await listed(s.baseUrl)).length;
    await s.page.route('**/api/snapshots', (route) =>
      route.request().method() === 'POST' ? route.abort('connectionrefused') : route.fallback(),
    );
    await s.page.getByTestId('snapshot-save-open').click();
    await s.page.getByTestId('snapshot-name').fill(`never saved ${run}`);
    await s.page.getByTestId('snapshot-save').click();
    await snaps.saveError().waitFor({ state: 'visible' });
    expect(await snaps.saveError().innerText()).toMatch(/cannot be reached/);
    expect(await s.shell.activeDumpName()).toBe(label);
    expect((await listed(s.baseUrl)).length).toBe(count);
  });
});
