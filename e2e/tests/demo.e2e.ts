// "Try the demo" loads the generated Bookinfo dumps from the server and shows the productpage
// sidecar's graph, which must match the dump the server serves for it.
import type { DemoProxyListResponse } from '@meshlens/contract';
import { describe, expect, test } from 'vitest';
import { openGraph } from '../support/flows';
import { expectListenersAndClusters } from '../support/graphChecks';
import { parseDumpText } from '../support/model';
import { useMeshlens } from '../support/session';

const session = useMeshlens();

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

describe('demo', () => {
  test('try-demo opens the Bookinfo dumps and shows the productpage sidecar graph', async () => {
    const s = session();
    const list = await getJson<DemoProxyListResponse>(`${s.baseUrl}/api/demo/proxies`);
    const proxy = list.proxies.find((p) => p.app === 'productpage' && p.proxyType === 'sidecar');
    if (!proxy) throw new Error('the demo mesh should have a productpage sidecar');
    const text = JSON.stringify(await getJson<unknown>(`${s.baseUrl}${proxy.configDumpUrl}`));
    const model = parseDumpText(text, proxy.fileName);

    await s.shell.open();
    await s.upload.tryDemo();
    await expect
      .poll(() => s.shell.dumpTabs().count(), { timeout: 60_000, message: 'demo tabs should open' })
      .toBeGreaterThan(0);
    const names = await s.shell
      .dumpTabs()
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-name') ?? ''));
    const tab = names.find((n) => n.includes('productpage'));
    if (!tab) throw new Error(`no productpage tab among ${names.join(', ')}`);
    if ((await s.shell.activeDumpName()) !== tab) await s.shell.dumpTab(tab).click();
    await s.shell.waitForDump(tab);

    await openGraph(s);
    expectListenersAndClusters(await s.graph.nodeIds(), model);
    expect(await s.graph.visibleNodeIds()).toContain(`cluster:${model.clusters[0]?.name}`);
  });
});
