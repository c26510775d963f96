// Config strings are data, never markup: a dump whose names carry an HTML payload shows the payload
// as text in the tables and the side panel, and the payload never runs.
import { readFileSync } from 'node:fs';
import type { JsonValue } from '@meshlens/configdump';
import { describe, expect, test } from 'vitest';
import { cssString } from '../pages/AppShell';
import { loadDumpContent, openGraph } from '../support/flows';
import { parseDumpText } from '../support/model';
import { fixture } from '../support/paths';
import { useMeshlens } from '../support/session';

const session = useMeshlens();
const ingressFixture = fixture('config-dumps', 'istio13-ingressgateway-v2alpha.json');
const payload = '<img src=x onerror=window.__xss=1>';

/** Replaces every string equal to a key of `renames` anywhere in the JSON tree. */
function renameStrings(v: JsonValue, renames: Map<string, string>): JsonValue {
  if (typeof v === 'string') return renames.get(v) ?? v;
  if (Array.isArray(v)) return v.map((x) => renameStrings(x, renames));
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, renameStrings(x, renames)]));
  }
  return v;
}

describe('XSS', () => {
  test('names with an HTML payload are shown as text and never executed', async () => {
    // Edit a real fixture: the HTTP listener, its route config and a cluster it routes to.
    const original = parseDumpText(readFileSync(ingressFixture, 'utf8'), 'ingress.json');
    const listener = original.listeners.find((l) => l.name === '0.0.0.0_80');
    const rc = original.routeConfigs.find((r) => r.name === 'http.80');
    const routed = rc?.virtualHosts
      .flatMap((vh) => vh.routes)
      .map((r) => (r.action.kind === 'cluster' ? r.action.cluster : undefined))
      .find((c) => c !== undefined);
    if (!listener || !rc || !routed)
      throw new Error('fixture changed: 0.0.0.0_80 / http.80 expected');
    const renames = new Map([
      [listener.name, `${listener.name}${payload}`],
      [rc.name, `${rc.name}${payload}`],
      [routed, `${routed}${payload}`],
    ]);
    const evil = JSON.stringify(
      renameStrings(JSON.parse(readFileSync(ingressFixture, 'utf8')) as JsonValue, renames),
      null,
      2,
    );
    const model = parseDumpText(evil, 'evil.json');
    const evilCluster = `${routed}${payload}`;
    expect(model.index.clusterByName.has(evilCluster), 'the edited dump still parses').toBe(true);

    const s = session();
    await s.shell.open();
    await loadDumpContent(s, 'evil.json', evil);

    // Tables: the payload is text in a cell.
    await s.shell.go('tables');
    await s.tables.openTab('clusters');
    await s.tables.filter('onerror');
    await s.tables.waitForShown(1);
    const row = s.page.locator(
      `[data-testid="table-row"][data-node-id="${cssString(`cluster:${evilCluster}`)}"]`,
    );
    expect(await row.count()).toBe(1);
    await s.tables.openTab('listeners');
    await s.tables.filter('');
    await s.tables.filter('onerror');
    await expect.poll(() => s.page.getByTestId('table').innerText()).toContain(payload);
    await s.tables.openTab('routes');
    await expect.poll(() => s.page.getByTestId('table').innerText()).toContain(payload);

    // Side panel and raw JSON of the listener and the cluster.
    await openGraph(s);
    for (const id of [`listener:${listener.name}${payload}`, `cluster:${evilCluster}`]) {
      await s.graph.selectViaHook(id);
      await expect
        .poll(() => s.graph.sidePanel().innerText(), { message: `side panel of ${id}` })
        .toContain(payload);
      await expect.poll(() => s.page.getByTestId('graph-raw-json').innerText()).toContain(payload);
    }

    // Nothing became an element, nothing ran.
    expect(await s.page.locator('img[src="x"]').count(), 'no <img> from the payload').toBe(0);
    expect(await s.page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();

    // The SVG export escapes it too.
    const svg = (await s.graph.export('svg', 1)).bytes.toString('utf8');
    const svgCheck = await s.page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
      return {
        error: doc.getElementsByTagName('parsererror').length > 0,
        imgs: doc.getElementsByTagName('img').length,
      };
    }, svg);
    expect(svgCheck).toEqual({ error: false, imgs: 0 });
    expect(await s.page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
  });
});
