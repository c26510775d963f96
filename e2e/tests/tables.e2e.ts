// The clusters table of a real dump: filtering shows exactly the model's clusters containing the
// text, the row count text agrees, and a row links to its graph node. A secret row of a generated
// sidecar opens the secret on the graph with the chains and clusters that use it. The clusters of
// the big generated dump (~29k rows) scroll without long tasks.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { cssString } from '../pages/AppShell';
import { productpageDump } from '../support/demoDumps';
import { loadDumpFile } from '../support/flows';
import { clustersContaining, parseDumpFile } from '../support/model';
import { cliMain, fixture, repoRoot, tsxBin } from '../support/paths';
import { useMeshlens } from '../support/session';

const session = useMeshlens();
const ingressFixture = fixture('config-dumps', 'istio13-ingressgateway-v2alpha.json');

describe('tables', () => {
  test('filtering the clusters table matches the model', async () => {
    const model = parseDumpFile(ingressFixture);
    const s = session();
    await s.shell.open();
    await loadDumpFile(s, ingressFixture);
    await s.shell.go('tables');
    await s.tables.openTab('clusters');

    const total = model.clusters.length;
    await s.tables.waitForShown(total);
    expect((await s.tables.rowCount()).total, 'M in "N of M rows"').toBe(total);

    // Several hosts, so the filter is not just a prefix of every name.
    for (const term of ['istio-pilot', 'KUBE-SYSTEM', 'fortio']) {
      const expected = clustersContaining(model, term);
      expect(expected.length, `the fixture has clusters containing "${term}"`).toBeGreaterThan(0);
      await s.tables.filter(term);
      await s.tables.waitForShown(expected.length);
      expect(await s.tables.rowCount()).toMatchObject({ shown: expected.length, total });
      expect(await s.tables.rows().count(), `table-row elements for "${term}"`).toBe(
        expected.length,
      );
      expect((await s.tables.rowNodeIds()).sort(), `rows for "${term}"`).toEqual(
        expected.map((n) => `cluster:${n}`).sort(),
      );
    }

    await s.tables.filter('no-cluster-has-this-name');
    await s.tables.waitForShown(0);
    expect(await s.tables.rows().count()).toBe(0);
  });

  test('clicking a cluster row selects and focuses that cluster in the graph', async () => {
    const model = parseDumpFile(ingressFixture);
    const s = session();
    await s.shell.open();
    await loadDumpFile(s, ingressFixture);
    await s.shell.go('tables');
    await s.tables.openTab('clusters');
    const matches = clustersContaining(model, 'httpbin');
    const name = matches.find((n) => n.startsWith('outbound|'));
    if (name === undefined)
      throw new Error('the fixture should have an outbound|...|httpbin cluster');
    await s.tables.filter('httpbin');
    await s.tables.waitForShown(matches.length);

    const id = `cluster:${name}`;
    await s.page.locator(`[data-testid="table-row"][data-node-id="${cssString(id)}"]`).click();
    await s.graph.waitReady();
    expect(await s.graph.visibleNodeIds()).toContain(id);
    await expect.poll(() => s.graph.sidePanel().innerText()).toContain(name);
    await expect
      .poll(() => new URL(s.page.url()).searchParams.get('g.focus'), { message: 'URL g.focus' })
      .toBe(id);
    expect(new URL(s.page.url()).searchParams.get('g.sel'), 'URL g.sel').toBe(id);
  });

  test('clicking a secret row opens the secret in the graph with what uses it', async () => {
    const file = productpageDump(inject('demoDumps'));
    const model = parseDumpFile(file);
    const secret = model.secrets.find((x) => x.name === 'default') ?? model.secrets[0];
    if (!secret) throw new Error('the generated sidecar should have SDS secrets');
    const users = [
      ...model.clusters
        .filter((c) => c.tls?.sdsSecrets.includes(secret.name))
        .map((c) => `cluster:${c.name}`),
      ...model.listeners.flatMap((l) =>
        [...l.filterChains, ...(l.defaultFilterChain ? [l.defaultFilterChain] : [])]
          .filter((c) => c.sdsSecrets?.includes(secret.name))
          .map((c) => `chain:${l.name}#${c.index}`),
      ),
    ];
    expect(users.length, 'the model has chains or clusters using the secret').toBeGreaterThan(0);
    const s = session();
    await s.shell.open();
    await loadDumpFile(s, file);
    await s.shell.go('tables');
    await s.tables.openTab('secrets');
    await s.tables.waitForShown(model.secrets.length);

    const id = `secret:${secret.name}`;
    await s.page.locator(`[data-testid="table-row"][data-node-id="${cssString(id)}"]`).click();
    await s.graph.waitReady();
    const visible = await s.graph.visibleNodeIds();
    expect(visible).toContain(id);
    expect(
      visible.filter((v) => v.startsWith('group:')),
      'drawn without groups',
    ).toEqual([]);
    expect(
      users.filter((u) => !visible.includes(u)),
      'users not drawn',
    ).toEqual([]);
    expect(
      visible.filter((v) => v.startsWith('secret:') && v !== id),
      'other secrets',
    ).toEqual([]);
    await expect.poll(() => s.graph.sidePanel().innerText()).toContain('SDS secret');
  });
});

const bigServices = Number(process.env.MESHLENS_TABLE_SCALE_SERVICES ?? 5000);
let bigDir = '';
afterAll(() => {
  if (bigDir) rmSync(bigDir, { recursive: true, force: true });
});

/**
 * The clusters section of `meshlens demo export --services N` (the issue's ~260 MB sidecar at
 * 5000): the table's rows without spending the test on loading listeners and routes it ignores.
 */
async function bigClustersDump(): Promise<{ file: string; clusters: number }> {
  bigDir = mkdtempSync(join(tmpdir(), 'meshlens-e2e-tables-'));
  await promisify(execFile)(
    tsxBin,
    [cliMain, 'demo', 'export', '--out', bigDir, '--services', String(bigServices)].concat([
      '--proxy',
      'productpage',
    ]),
    { cwd: repoRoot, timeout: 240_000 },
  );
  const name = readdirSync(bigDir).find((f) => /^productpage.*\.json$/.test(f));
  if (!name) throw new Error(`demo export wrote no productpage dump into ${bigDir}`);
  const dump = JSON.parse(readFileSync(join(bigDir, name), 'utf8')) as {
    configs: { '@type': string; dynamic_active_clusters?: unknown[] }[];
  };
  const configs = dump.configs.filter((c) => c['@type'].endsWith('ClustersConfigDump'));
  const clusters = configs.reduce((n, c) => n + (c.dynamic_active_clusters?.length ?? 0), 0);
  const file = join(bigDir, 'clusters-only.json');
  writeFileSync(file, JSON.stringify({ configs }));
  rmSync(join(bigDir, name));
  return { file, clusters };
}

describe(`the clusters table of a ${bigServices}-service demo sidecar`, () => {
  test('scrolls through every row without long tasks', async () => {
    const { file, clusters } = await bigClustersDump();
    const s = session();
    await s.shell.open();
    await loadDumpFile(s, file);
    await s.shell.go('tables');
    await s.tables.openTab('clusters');
    const total = (await s.tables.rowCount()).total;
    expect(total, 'rows vs dynamic_active_clusters').toBeGreaterThanOrEqual(clusters);

    // Wheel-sized steps (~20 rows) down the whole table, a frame each, then long jumps; the
    // browser reports every task over 50 ms (Long Tasks API) and the time between frames.
    const m = await s.page.evaluate(async () => {
      const el = document.querySelector<HTMLElement>('.data-table__scroll');
      if (!el) throw new Error('no .data-table__scroll');
      const long: number[] = [];
      const observer = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) long.push(e.duration);
      });
      observer.observe({ type: 'longtask' });
      const frame = (): Promise<number> => new Promise((r) => requestAnimationFrame((t) => r(t)));
      const gaps: number[] = [];
      let last = await frame();
      const steps = 400;
      const stride = Math.max(560, (el.scrollHeight - el.clientHeight) / steps);
      for (let i = 0; i < steps && el.scrollTop + el.clientHeight < el.scrollHeight; i++) {
        el.scrollTop += stride;
        const now = await frame();
        gaps.push(now - last);
        last = now;
      }
      for (const f of [0.5, 0.1, 0.9, 0, 1]) {
        el.scrollTop = f * el.scrollHeight;
        const now = await frame();
        gaps.push(now - last);
        last = now;
      }
      await new Promise((r) => setTimeout(r, 200));
      observer.disconnect();
      const rows = Array.from(document.querySelectorAll('[data-testid="table-row"]')).length;
      gaps.sort((a, b) => a - b);
      return {
        frames: gaps.length,
        p50: gaps[Math.floor(gaps.length / 2)] ?? 0,
        p95: gaps[Math.floor(gaps.length * 0.95)] ?? 0,
        max: gaps.at(-1) ?? 0,
        long,
        rows,
      };
    });
    console.log(
      `tables e2e: ${total} cluster rows, ${m.frames} scroll frames: p50 ${m.p50.toFixed(1)} ms, ` +
        `p95 ${m.p95.toFixed(1)} ms, max ${m.max.toFixed(1)} ms; long tasks ${m.long.length}` +
        (m.long.length > 0 ? ` (max ${Math.max(...m.long).toFixed(0)} ms)` : '') +
        `; ${m.rows} rows in the DOM`,
    );
    // Virtualised: a screenful plus overscan in the DOM, never the whole table.
    expect(m.rows).toBeLessThan(200);
    // Generous for a shared 2-core machine, where other processes preempt the page now and then:
    // a task over 200 ms is a visible stutter. Before the table kept its row elements while
    // scrolling there were a dozen of them here and the p95 frame gap was ~180 ms.
    expect(
      m.long.filter((d) => d > 200).length,
      `long tasks over 200 ms while scrolling (${m.long.map((d) => d.toFixed(0)).join(', ')})`,
    ).toBeLessThanOrEqual(2);
    expect(m.p95, 'p95 frame gap while scrolling').toBeLessThan(100);
    expect(s.pageErrors).toEqual([]);
  }, 420_000);
});
