// Scale: the large generated sidecar dump (`meshlens demo export --services 5000`: ~29k
// clusters, ~14k route entries, ~50k endpoints, ~260 MB pretty JSON) loads through the file input
// with a progress indicator, then the overview and an aggregated graph appear, and the page still
// answers a click within 200 ms while the graph is shown. MESHLENS_SCALE_SERVICES overrides the
// size (e.g. 400 for a ~20 MB smoke run).
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openGraph } from '../support/flows';
import { cliMain, repoRoot, tsxBin } from '../support/paths';
import { useMeshlens } from '../support/session';

const run = promisify(execFile);
const services = Number(process.env.MESHLENS_SCALE_SERVICES ?? 5000);
const session = useMeshlens();

let dir = '';
let file = '';
let bytes = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'meshlens-e2e-scale-'));
  await run(
    tsxBin,
    [
      cliMain,
      'demo',
      'export',
      '--out',
      dir,
      '--services',
      String(services),
      '--proxy',
      'productpage',
    ],
    { cwd: repoRoot, timeout: 120_000 },
  );
  const name = readdirSync(dir).find((f) => /^productpage.*\.json$/.test(f));
  if (!name) throw new Error(`demo export wrote no productpage dump into ${dir}`);
  file = join(dir, name);
  bytes = statSync(file).size;
}, 150_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/**
 * Clicks the nav button `view` inside the page and returns the ms until the view's root element
 * is in the DOM and a frame has been painted after it: what a person waits for after clicking.
 */
async function timedNavClick(
  s: ReturnType<typeof session>,
  view: string,
  rootTestId: string,
): Promise<number> {
  return s.page.evaluate(
    async ([v, root]) => {
      const button = document.querySelector<HTMLElement>(`[data-testid="nav-${v}"]`);
      if (!button) throw new Error(`no nav-${v} button`);
      const t0 = performance.now();
      button.click();
      for (;;) {
        await new Promise((r) => requestAnimationFrame(() => r(undefined)));
        if (document.querySelector(`[data-testid="${root}"]`)) break;
        if (performance.now() - t0 > 10_000) throw new Error(`${root} did not appear`);
      }
      return performance.now() - t0;
    },
    [view, rootTestId] as const,
  );
}

describe(`a ${services}-service demo sidecar dump (~260 MB at the default size)`, () => {
  test('loads with progress, shows the overview and an aggregated graph, stays responsive', async () => {
    expect(bytes, 'the generated dump size').toBeGreaterThan(services * 40_000);
    const s = session();
    await s.shell.open();
    const t0 = Date.now();
    await s.upload.uploadFile(file);
    await s.page
      .getByTestId('load-progress')
      .waitFor({ state: 'visible', timeout: 10_000 })
      .catch(() => {
        throw new Error('no load-progress indicator appeared after the upload');
      });
    const progressMs = Date.now() - t0;
    await s.page.getByTestId('load-progress').waitFor({ state: 'detached', timeout: 150_000 });
    await expect
      .poll(() => s.shell.dumpTabs().count(), { timeout: 10_000, message: 'a dump tab' })
      .toBe(1);
    const loadedMs = Date.now() - t0;

    await s.shell.go('overview');
    await s.overview.waitVisible();
    const clusters = await s.overview.count('clusters');
    // The generator makes ~6 clusters per service; a truncated load would show far fewer.
    expect(clusters).toBeGreaterThan(services * 5);
    const overviewMs = Date.now() - t0 - loadedMs;

    const g0 = Date.now();
    await openGraph(s);
    const graphMs = Date.now() - g0;
    const ids = await s.graph.nodeIds();
    const groups = ids.filter((id) => id.startsWith('group:'));
    expect(groups.length, 'the graph should be aggregated into group nodes').toBeGreaterThan(0);
    // Aggregated means drawable: at most the graph's default threshold (400 nodes), against the
    // tens of thousands of clusters and endpoints in the dump.
    expect(ids.length).toBeLessThanOrEqual(400);

    // Responsiveness while the graph is shown: switch to the tables view and back.
    const toTables = await timedNavClick(s, 'tables', 'table');
    const toGraph = await timedNavClick(s, 'graph', 'graph-canvas');
    const toOverview = await timedNavClick(s, 'overview', 'overview');

    console.log(
      `scale e2e: ${(bytes / 1e6).toFixed(1)} MB, progress after ${progressMs} ms, loaded in ${loadedMs} ms, ` +
        `overview +${overviewMs} ms, aggregated graph (${ids.length} nodes, ${groups.length} groups) in ${graphMs} ms, ` +
        `nav clicks: tables ${toTables.toFixed(0)} ms, graph ${toGraph.toFixed(0)} ms, overview ${toOverview.toFixed(0)} ms`,
    );
    expect(toTables, 'click on nav-tables answered within 200 ms').toBeLessThan(200);
    expect(toOverview, 'click on nav-overview answered within 200 ms').toBeLessThan(200);
    expect(s.pageErrors).toEqual([]);
  }, 240_000);
});
