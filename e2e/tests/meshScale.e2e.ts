// The mesh page at scale, on a second real server: `meshlens serve --demo-services 250` (the
// built-in simulator: a simulated istiod and ~650 simulated Envoy admins on loopback). "Fetch all"
// scans the proxies on the server; the progress bar advances, Cancel stops it, and the
// virtualised list shows every proxy, each scanned one with the summary /api/mesh/scan reports. Writes docs/screenshots/mesh-scan.png.
import type { MeshProxiesResponse, MeshScanResponse } from '@meshlens/contract';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MeshPage } from '../pages/MeshPage';
import { type StartedServer, startMeshlensServer } from '../support/meshlensServer';
import { saveDocsScreenshot } from '../support/screenshots';
import { useMeshlens } from '../support/session';

const session = useMeshlens();

let server: StartedServer | undefined;
beforeAll(async () => {
  server = await startMeshlensServer(240_000, [
    '--demo-services',
    '250',
    // Any free port, chosen at listen time: the ~650 simulated admins bind ephemeral ports first
    // and could take a port picked in advance.
    '--port',
    '0',
    // Not the demo's local Prometheus: it would scrape ~500 simulated proxies during the scan.
    // Nothing listens here; the topology page is not used by this file.
    '--prometheus',
    'http://127.0.0.1:9',
  ]);
}, 250_000);
afterAll(async () => {
  await server?.stop();
});

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

/** How the table prints a summary number (MB with two decimals). */
const cell = (key: string, v: number): string =>
  key === 'dumpBytes' ? (v / 1e6).toFixed(2) : String(v);

describe('mesh page at scale (simulated mesh: demo simulator, 250 services)', () => {
  test('Fetch all over ~650 simulated proxies: progress advances, Cancel stops it, every row of the virtualised list shows the summary the API reports', async () => {
    const s = session();
    const url = server?.url;
    if (!url) throw new Error('the second server did not start');
    const list = await getJson<MeshProxiesResponse>(`${url}/api/mesh/proxies`);
    expect(list.source.kind).toBe('demo');
    expect(list.proxies.length).toBeGreaterThan(450);
    const total = list.proxies.length;

    const mesh = new MeshPage(s.page);
    await s.page.goto(`${url}/?mesh`);
    await mesh.rows().first().waitFor({ state: 'visible', timeout: 60_000 });
    await expect
      .poll(() => s.page.getByTestId('mesh-count').innerText())
      .toBe(`${total} of ${total} proxies`);
    // Virtualised: a screenful of rows in the DOM, not hundreds.
    expect(await mesh.rows().count()).toBeLessThan(100);

    // The whole scan moves ~8 GB of dumps (minutes on a shared 2-core machine; see the bench):
    // watch it advance, then cancel it, which is what a user does on a mesh this size too.
    await mesh.fetchAll();
    const seen = new Set<number>();
    let p = await mesh.scanProgress();
    const deadline = Date.now() + 150_000;
    while (p.done < 16 && Date.now() < deadline) {
      if (p.state === 'running' && p.done > 0) seen.add(p.done);
      await s.page.waitForTimeout(300);
      p = await mesh.scanProgress();
    }
    expect(p).toMatchObject({ state: 'running', total });
    expect(p.done).toBeGreaterThanOrEqual(16);
    expect(seen.size).toBeGreaterThanOrEqual(2);

    await mesh.cancelScan();
    await expect
      .poll(async () => (await mesh.scanProgress()).state, { timeout: 120_000, interval: 500 })
      .toBe('cancelled');
    p = await mesh.scanProgress();
    const api = await getJson<MeshScanResponse>(`${url}/api/mesh/scan`);
    expect(api.scan).toMatchObject({ state: 'cancelled', total, done: p.done, failed: p.failed });
    expect(p.done).toBeLessThan(total);
    const results = new Map(api.scan?.results.map((r) => [r.id, r]));
    expect(results.size).toBe(p.done);

    // Largest dumps first: scanned proxies on top, by size; the unscanned ones after them.
    await mesh.sortBy('dumpBytes');
    await mesh.sortBy('dumpBytes');
    const rows = await mesh.allRowsWithSummaries();
    expect(rows).toHaveLength(total);
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(list.proxies.map((x) => x.id)));
    const scanned = rows.filter((r) => results.get(r.id)?.summary);
    expect(scanned.length).toBe(p.done - p.failed);
    for (const row of rows) {
      const summary = results.get(row.id)?.summary;
      if (!summary) {
        expect(row.summary.clusters, row.id).toBe('—');
        continue;
      }
      for (const key of [
        'listeners',
        'routes',
        'clusters',
        'endpoints',
        'secrets',
        'errors',
        'warnings',
        'dumpBytes',
      ] as const)
        expect(row.summary[key], `${row.id} ${key}`).toBe(cell(key, summary[key]));
    }
    expect(rows.slice(0, scanned.length).map((r) => r.id)).toEqual(scanned.map((r) => r.id));
    const bytesShown = scanned.map((r) => Number(r.summary.dumpBytes));
    expect(bytesShown).toEqual([...bytesShown].sort((a, b) => b - a));
    await s.page.getByTestId('mesh-table').evaluate((el) => el.scrollTo({ top: 0 }));
    await saveDocsScreenshot(s.page, 'mesh-scan');
  }, 330_000);
});
