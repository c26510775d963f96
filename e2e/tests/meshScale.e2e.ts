// The mesh page at scale, on a second real server: `meshlens serve --demo-services 250` (the
// built-in simulator: a simulated istiod and ~500 simulated Envoy admins on loopback). "Fetch all"
// scans every proxy on the server; the progress bar advances, and the virtualised list ends with
// every proxy's summary, equal to what /api/mesh/scan reports.
import type { MeshProxiesResponse, MeshScanResponse } from '@meshlens/contract';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MeshPage } from '../pages/MeshPage';
import { type StartedServer, startMeshlensServer } from '../support/meshlensServer';
import { useMeshlens } from '../support/session';

const session = useMeshlens();

let server: StartedServer | undefined;
beforeAll(async () => {
  server = await startMeshlensServer(240_000, [
    '--demo-services',
    '250',
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
  test('Fetch all scans ~500 simulated proxies with progress; every row ends with the summary the API reports', async () => {
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

    await mesh.fetchAll();
    // Progress advances: several distinct done counts below the total before the end.
    const seen = new Set<number>();
    let last = await mesh.scanProgress();
    const deadline = Date.now() + 170_000;
    while (last.state !== 'done' && Date.now() < deadline) {
      if (last.state === 'running' && last.done < total) seen.add(last.done);
      await s.page.waitForTimeout(400);
      last = await mesh.scanProgress();
    }
    expect(last).toEqual({ state: 'done', done: total, total, failed: 0 });
    expect([...seen].filter((n) => n > 0).length).toBeGreaterThanOrEqual(2);

    const api = await getJson<MeshScanResponse>(`${url}/api/mesh/scan`);
    expect(api.scan).toMatchObject({ state: 'done', total, done: total, failed: 0 });
    const results = new Map(api.scan?.results.map((r) => [r.id, r]));
    expect(results.size).toBe(total);

    // Largest dumps first: the sort works on the summary, and the whole list carries summaries.
    await mesh.sortBy('dumpBytes');
    await mesh.sortBy('dumpBytes');
    const rows = await mesh.allRowsWithSummaries();
    expect(rows).toHaveLength(total);
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(list.proxies.map((p) => p.id)));
    for (const row of rows) {
      const summary = results.get(row.id)?.summary;
      if (!summary) throw new Error(`no summary for ${row.id} in /api/mesh/scan`);
      for (const key of [
        'listeners',
        'routes',
        'clusters',
        'endpoints',
        'secrets',
        'errors',
      ] as const)
        expect(row.summary[key], `${row.id} ${key}`).toBe(cell(key, summary[key]));
      expect(row.summary.dumpBytes).toBe(cell('dumpBytes', summary.dumpBytes));
    }
    const bytesShown = rows.map((r) => Number(r.summary.dumpBytes));
    expect(bytesShown).toEqual([...bytesShown].sort((a, b) => b - a));
  }, 200_000);
});
