// The view lives in the URL: after focusing, selecting, searching and filtering, a reload followed
// by loading the same dump again brings back the same picture.
import type { ConfigDump } from '@meshlens/configdump';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { productpageDump } from '../support/demoDumps';
import { loadDumpFile, openGraph } from '../support/flows';
import { outboundListenerOnPort } from '../support/graphChecks';
import { parseDumpFile } from '../support/model';
import { useMeshlens } from '../support/session';

const session = useMeshlens();

let file = '';
let model: ConfigDump;
beforeAll(() => {
  file = productpageDump(inject('demoDumps'));
  model = parseDumpFile(file);
});

describe('URL state', () => {
  test('graph focus, selection and search survive a reload and a re-upload', async () => {
    const s = session();
    await s.shell.open();
    const label = await loadDumpFile(s, file);
    await openGraph(s);
    const listener = `listener:${outboundListenerOnPort(model, 9080).name}`;
    const cluster = model.clusters.find((c) => c.name.includes('reviews'));
    if (!cluster) throw new Error('the demo productpage should route to reviews');

    await s.graph.selectViaHook(listener);
    await s.graph.clickFocus();
    await s.graph.selectViaHook(`cluster:${cluster.name}`);
    await s.graph.search('reviews');
    await s.graph.waitReady();
    const params = (): URLSearchParams => new URL(s.page.url()).searchParams;
    await expect.poll(() => params().get('g.q'), { message: 'search in the URL' }).toBe('reviews');
    expect(params().get('g.focus'), 'focus in the URL').toBe(listener);
    expect(params().get('g.sel'), 'selection in the URL').toBe(`cluster:${cluster.name}`);
    const before = {
      visible: (await s.graph.visibleNodeIds()).sort(),
      highlighted: (await s.graph.highlightedNodeIds()).sort(),
      panel: await s.graph.sidePanel().innerText(),
    };
    expect(before.panel).toContain(cluster.name);

    const url = s.page.url();
    await s.page.reload();
    expect(s.page.url(), 'the reload keeps the URL').toBe(url);
    await s.page.getByTestId('upload-dropzone').waitFor({ state: 'visible' });
    expect(await loadDumpFile(s, file)).toBe(label);

    // Same view, without clicking anything.
    await s.graph.waitReady();
    expect((await s.graph.visibleNodeIds()).sort(), 'same focused graph').toEqual(before.visible);
    expect((await s.graph.highlightedNodeIds()).sort(), 'same highlights').toEqual(
      before.highlighted,
    );
    expect(await s.page.getByTestId('graph-search').inputValue()).toBe('reviews');
    await expect.poll(() => s.graph.sidePanel().innerText()).toContain(cluster.name);
    expect(params().get('g.focus')).toBe(listener);
  });

  test('the table view, tab and filter survive a reload and a re-upload', async () => {
    const s = session();
    await s.shell.open();
    await loadDumpFile(s, file);
    await s.shell.go('tables');
    await s.tables.openTab('clusters');
    await s.tables.filter('reviews');
    const expected = model.clusters.filter((c) => c.name.includes('reviews')).length;
    await s.tables.waitForShown(expected);
    const ids = (await s.tables.rowNodeIds()).sort();

    await s.page.reload();
    await s.page.getByTestId('upload-dropzone').waitFor({ state: 'visible' });
    await loadDumpFile(s, file);
    await s.page.getByTestId('table').waitFor({ state: 'visible' });
    expect(await s.tables.filterInput().inputValue()).toBe('reviews');
    expect(await s.page.getByTestId('table-tab-clusters').getAttribute('aria-selected')).toBe(
      'true',
    );
    await s.tables.waitForShown(expected);
    expect((await s.tables.rowNodeIds()).sort()).toEqual(ids);
  });
});
