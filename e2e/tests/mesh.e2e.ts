// The mesh page over the server's default source, the live demo mesh simulator: the proxy list
// matches /api/mesh/proxies, the filter narrows it, a proxy opens as a graph, and the istiod vs
// Envoy diff of the stale proxy shows its cluster difference. Writes docs/screenshots/mesh.png
// and sync-diff.png.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  MeshProxiesResponse,
  MeshScanResponse,
  MeshSyncDiffResponse,
} from '@meshlens/contract';
import { describe, expect, inject, test } from 'vitest';
import { MeshPage, xdsColumns } from '../pages/MeshPage';
import { expectListenersAndClusters } from '../support/graphChecks';
import { parseDumpText } from '../support/model';
import { saveDocsScreenshot } from '../support/screenshots';
import { useMeshlens } from '../support/session';

const session = useMeshlens();

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

/**
 * An archive laid out like `istioctl bug-report`'s (`<cluster>/<namespace>/<pod>/istio-proxy/
 * config_dump.json`), made with the system tar from the demo dumps the CLI exported.
 */
function bugReportArchive(dumps: string[]): { path: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'meshlens-e2e-bug-report-'));
  for (const file of dumps) {
    const node = parseDumpText(readFileSync(file, 'utf8'), file).node;
    if (!node?.podName || !node.namespace) throw new Error(`${file} has no pod identity`);
    const target = join(
      dir,
      'bug-report',
      'Kubernetes',
      node.namespace,
      node.podName,
      'istio-proxy',
    );
    mkdirSync(target, { recursive: true });
    copyFileSync(file, join(target, 'config_dump.json'));
  }
  const path = join(dir, 'report.tar.gz');
  execFileSync('tar', ['czf', path, '-C', dir, 'bug-report']);
  return { path, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

const isStale = (p: MeshProxiesResponse['proxies'][number]): boolean =>
  Object.values(p.sync ?? {}).some((s) => s.startsWith('STALE'));

describe('mesh page', () => {
  test('lists every proxy with the sync states the API reports; reviews-v2 is STALE', async () => {
    const s = session();
    const api = await getJson<MeshProxiesResponse>(`${s.baseUrl}/api/mesh/proxies`);
    expect(api.source.kind).toBe('demo');
    expect(api.proxies).toHaveLength(7);
    const mesh = new MeshPage(s.page);
    await s.page.goto('/');
    await mesh.open();
    await expect.poll(() => mesh.rows().count()).toBe(api.proxies.length);
    const shown = await mesh.table();
    expect(shown.map((r) => r.id).sort()).toEqual(api.proxies.map((p) => p.id).sort());
    for (const p of api.proxies) {
      const row = shown.find((r) => r.id === p.id);
      expect(row?.sync, p.id).toEqual(xdsColumns.map((x) => p.sync?.[x] ?? '—'));
    }
    const stale = api.proxies.filter(isStale);
    expect(stale.map((p) => p.name)).toEqual([expect.stringMatching(/^reviews-v2-/)]);
    const staleRow = shown.find((r) => r.id === stale[0]!.id);
    expect(staleRow?.sync).toContain('STALE');
    await expect
      .poll(() => s.page.getByTestId('mesh-source').innerText())
      .toContain('demo mesh simulator');
    await saveDocsScreenshot(s.page, 'mesh');
  });

  test('refresh re-reads the list; auto-refresh re-reads it every 5 s until switched off', async () => {
    const s = session();
    const mesh = new MeshPage(s.page);
    let reads = 0;
    s.page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/mesh/proxies') reads++;
    });
    await s.page.goto('/');
    await mesh.open();
    const auto = s.page.getByTestId('mesh-auto-refresh');
    expect(await auto.isChecked()).toBe(true);
    const afterOpen = reads;
    await expect.poll(() => reads, { timeout: 8_000, interval: 250 }).toBeGreaterThan(afterOpen);
    await auto.uncheck();
    await s.page.waitForTimeout(300);
    const stopped = reads;
    await s.page.waitForTimeout(6_000);
    expect(reads).toBe(stopped);
    await s.page.getByTestId('mesh-refresh').click();
    await expect.poll(() => reads).toBe(stopped + 1);
  });

  test('the filter narrows the rows and lives in the URL', async () => {
    const s = session();
    const api = await getJson<MeshProxiesResponse>(`${s.baseUrl}/api/mesh/proxies`);
    const mesh = new MeshPage(s.page);
    await s.page.goto('/');
    await mesh.open();
    const reviews = api.proxies.filter((p) => p.name.startsWith('reviews-'));
    expect(reviews.length).toBeGreaterThan(1);
    await mesh.filter('reviews', reviews.length);
    expect((await mesh.table()).map((r) => r.id).sort()).toEqual(reviews.map((p) => p.id).sort());
    await mesh.filter('reviews stale', 1);
    expect(new URL(s.page.url()).searchParams.get('m.q')).toBe('reviews stale');
    // Reloading keeps the page and the filter.
    await s.page.reload();
    await s.page.getByTestId('mesh-page').waitFor();
    await expect.poll(() => mesh.rows().count()).toBe(1);
    await mesh.filter(
      'istio-system',
      api.proxies.filter((p) => p.namespace === 'istio-system').length,
    );
    await mesh.filter('no-such-proxy', 0);
    await expect.poll(() => s.page.getByTestId('mesh-empty').isVisible()).toBe(true);
  });

  test('opening a proxy fetches its live config dump and shows its graph', async () => {
    const s = session();
    const api = await getJson<MeshProxiesResponse>(`${s.baseUrl}/api/mesh/proxies`);
    const proxy = api.proxies.find((p) => p.name.startsWith('productpage-'))!;
    const res = await fetch(`${s.baseUrl}/api/mesh/proxies/${proxy.id}/config_dump`);
    const model = parseDumpText(await res.text(), `${proxy.name}.json`);
    const mesh = new MeshPage(s.page);
    await s.page.goto('/');
    await mesh.open();
    await mesh.openProxy(proxy.id);
    await s.shell.waitForDump(proxy.name);
    await expect.poll(() => s.page.getByTestId('mesh-page').count()).toBe(0);
    expect(new URL(s.page.url()).searchParams.get('view')).toBe('graph');
    await s.graph.waitReady();
    expectListenersAndClusters(await s.graph.nodeIds(), model);
  });

  test('the diff of the stale proxy shows its cluster difference with both values', async () => {
    const s = session();
    const api = await getJson<MeshProxiesResponse>(`${s.baseUrl}/api/mesh/proxies`);
    const stale = api.proxies.find(isStale)!;
    const diff = await getJson<MeshSyncDiffResponse>(
      `${s.baseUrl}/api/mesh/proxies/${stale.id}/sync-diff`,
    );
    const differing = diff.entries.filter((e) => e.status !== 'same');
    expect(differing.some((e) => e.kind === 'cluster')).toBe(true);

    const mesh = new MeshPage(s.page);
    await s.page.goto('/');
    await mesh.open();
    const view = await mesh.openDiff(stale.id);
    expect(await view.getAttribute('data-in-sync')).toBe('false');
    expect(await mesh.diffEntries()).toEqual(
      differing.map((e) => ({ kind: e.kind, name: e.name, status: e.status })),
    );
    const cluster = differing.find((e) => e.kind === 'cluster' && e.status === 'different')!;
    const fields = view
      .locator(`[data-testid="sync-diff-entry"][data-name="${cluster.name}"]`)
      .getByTestId('sync-diff-fields');
    const text = await fields.innerText();
    for (const path of cluster.changedPaths ?? [])
      expect(text).toContain(path.replace(/^[-+]/, ''));
    // Both sides' values of the first changed field, as the API's raw resources hold them.
    const first = cluster.changedPaths![0]!;
    const raw = (side: unknown): string =>
      JSON.stringify(
        (side as Record<string, unknown>)[first.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)] ??
          (side as Record<string, unknown>)[first],
      );
    expect(text).toContain(raw(cluster.istiod));
    expect(text).toContain(raw(cluster.envoy));
    expect(raw(cluster.istiod)).not.toBe(raw(cluster.envoy));

    const url = new URL(s.page.url());
    expect(url.searchParams.get('m.p')).toBe(stale.id);
    expect(url.searchParams.get('m.d')).toBe('1');
    await saveDocsScreenshot(s.page, 'sync-diff');
    // The diff is restored from the URL.
    await s.page.reload();
    await s.page.getByTestId('sync-diff').waitFor({ timeout: 30_000 });
  });

  test('a bug-report archive uploaded in the browser becomes the same mesh view, offline', async () => {
    const s = session();
    const live = await getJson<MeshProxiesResponse>(`${s.baseUrl}/api/mesh/proxies`);
    const archive = bugReportArchive(inject('demoDumps'));
    try {
      const mesh = new MeshPage(s.page);
      await s.page.goto('/');
      await mesh.open();
      await s.page.getByTestId('mesh-upload-input').setInputFiles(archive.path);
      await expect
        .poll(() => s.page.getByTestId('mesh-source').getAttribute('data-kind'), {
          timeout: 30_000,
        })
        .toBe('bug-report');
      expect(new URL(s.page.url()).searchParams.get('m.src')).toMatch(/^br\d+$/);
      await expect.poll(() => mesh.rows().count()).toBe(live.proxies.length);
      expect((await mesh.table()).map((r) => r.id).sort()).toEqual(
        live.proxies.map((p) => p.id).sort(),
      );
      // An archive holds what each proxy had, not what istiod would send: no diff offered.
      expect(await s.page.getByTestId('mesh-diff').count()).toBe(0);
      const proxy = live.proxies.find((p) => p.name.startsWith('ratings-'))!;
      await mesh.openProxy(proxy.id);
      await s.shell.waitForDump(proxy.name);
    } finally {
      archive.cleanup();
    }
  });

  test('Fetch all summarises every proxy on the server; the columns match /api/mesh/scan and sort', async () => {
    const s = session();
    const api = await getJson<MeshProxiesResponse>(`${s.baseUrl}/api/mesh/proxies`);
    const mesh = new MeshPage(s.page);
    await s.page.goto('/');
    await mesh.open();
    await mesh.fetchAll();
    await expect
      .poll(() => mesh.scanProgress(), { timeout: 60_000, interval: 250 })
      .toEqual({ state: 'done', done: api.proxies.length, total: api.proxies.length, failed: 0 });
    const scan = await getJson<MeshScanResponse>(`${s.baseUrl}/api/mesh/scan`);
    const byId = new Map(scan.scan?.results.map((r) => [r.id, r.summary]));
    await mesh.sortBy('clusters');
    await mesh.sortBy('clusters');
    const rows = await mesh.allRowsWithSummaries();
    expect(rows.map((r) => r.id).sort()).toEqual(api.proxies.map((p) => p.id).sort());
    for (const row of rows) {
      const summary = byId.get(row.id);
      expect(row.summary.clusters, row.id).toBe(String(summary?.clusters));
      expect(row.summary.listeners, row.id).toBe(String(summary?.listeners));
      expect(row.summary.dumpBytes, row.id).toBe(((summary?.dumpBytes ?? 0) / 1e6).toFixed(2));
    }
    const clusters = rows.map((r) => Number(r.summary.clusters));
    expect(clusters).toEqual([...clusters].sort((a, b) => b - a));
    // The gateway has fewer clusters than a sidecar: the sort puts it last.
    expect(rows.at(-1)?.id).toMatch(/^istio-ingressgateway-/);
  });
});
