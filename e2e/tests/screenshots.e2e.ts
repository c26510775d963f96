// Writes the docs screenshots (docs/screenshots/*.png, 1440x900 at scale 1) from a real session:
// landing, demo overview/graph/focus/dark/tables, the load error banner and a real ingress dump.
import { readFileSync } from 'node:fs';
import type { DemoProxyListResponse } from '@meshlens/contract';
import { describe, expect, test } from 'vitest';
import { loadDumpFile, openGraph } from '../support/flows';
import { expectOnlyChainOf, outboundListenerOnPort } from '../support/graphChecks';
import { imageStats } from '../support/imageStats';
import { parseDumpText } from '../support/model';
import { fixture } from '../support/paths';
import { saveDocsScreenshot } from '../support/screenshots';
import { useMeshlens } from '../support/session';

const session = useMeshlens();
const ingressFixture = fixture('config-dumps', 'istio13-ingressgateway-v2alpha.json');

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

/** Writes a screenshot and checks it is a real, non-blank 1440x900 picture. */
async function shoot(name: string, graph = false): Promise<ReturnType<typeof imageStats>> {
  if (graph) await session().graph.waitViewportSettled();
  const path = await saveDocsScreenshot(session().page, name);
  const stats = imageStats(path);
  expect({ w: stats.width, h: stats.height }, `${name}.png size`).toEqual({ w: 1440, h: 900 });
  expect(stats.colours, `${name}.png should not be blank`).toBeGreaterThan(20);
  return stats;
}

describe('docs screenshots', () => {
  test('landing, demo views, error banner and the ingress gateway graph', async () => {
    const s = session();
    const list = await getJson<DemoProxyListResponse>(`${s.baseUrl}/api/demo/proxies`);
    const proxy = list.proxies.find((p) => p.app === 'productpage' && p.proxyType === 'sidecar');
    if (!proxy) throw new Error('the demo mesh should have a productpage sidecar');
    const model = parseDumpText(
      JSON.stringify(await getJson<unknown>(`${s.baseUrl}${proxy.configDumpUrl}`)),
      proxy.fileName,
    );

    await s.shell.open();
    expect(await s.shell.theme()).toBe('light');
    await shoot('landing');

    await s.upload.tryDemo();
    await expect
      .poll(() => s.shell.dumpTabs().count(), { timeout: 60_000, message: 'demo tabs' })
      .toBeGreaterThan(0);
    const names = await s.shell
      .dumpTabs()
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-name') ?? ''));
    const tab = names.find((n) => n.includes('productpage'));
    if (!tab) throw new Error(`no productpage tab among ${names.join(', ')}`);
    if ((await s.shell.activeDumpName()) !== tab) await s.shell.dumpTab(tab).click();
    await s.shell.waitForDump(tab);

    await s.shell.go('overview');
    await s.overview.waitVisible();
    await shoot('overview');

    await openGraph(s);
    const light = await shoot('graph', true);

    expect(await s.shell.toggleTheme()).toBe('dark');
    await s.graph.waitReady();
    const dark = await shoot('graph-dark', true);
    expect(dark.meanLuminance, 'the dark theme is darker than the light one').toBeLessThan(
      light.meanLuminance - 40,
    );
    expect(await s.shell.toggleTheme()).toBe('light');

    const listener = `listener:${outboundListenerOnPort(model, 9080).name}`;
    await s.graph.selectViaHook(listener);
    await s.graph.clickFocus();
    expectOnlyChainOf(model, listener, await s.graph.visibleNodeIds(), await s.graph.edgeIds());
    await shoot('graph-focus', true);

    await s.shell.go('tables');
    await s.tables.openTab('clusters');
    await s.tables.waitForShown(model.clusters.length);
    await shoot('tables');

    await s.shell.go('overview');
    const text = readFileSync(ingressFixture, 'utf8');
    await s.upload.uploadContent('broken-dump.json', text.slice(0, Math.floor(text.length / 2)));
    await s.shell.loadError().waitFor({ state: 'visible', timeout: 60_000 });
    await shoot('error');
    // Dismiss the banner, so the next screenshot shows just the ingress graph.
    await s.shell.loadError().getByRole('button').first().click();
    await s.shell.loadError().waitFor({ state: 'detached' });

    await loadDumpFile(s, ingressFixture);
    await openGraph(s);
    await shoot('ingress-graph', true);
  });
});
