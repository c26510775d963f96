// The graph view of a generated sidecar: focusing a listener (through the test hook and through
// the UI) keeps only its chain; search highlights the matching nodes.
import type { ConfigDump } from '@meshlens/configdump';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { productpageDump } from '../support/demoDumps';
import { loadDumpFile, openGraph } from '../support/flows';
import { expectOnlyChainOf, idsWithPrefix, outboundListenerOnPort } from '../support/graphChecks';
import { clustersContaining, parseDumpFile } from '../support/model';
import { useMeshlens } from '../support/session';

const session = useMeshlens();

let file = '';
let model: ConfigDump;
beforeAll(() => {
  file = productpageDump(inject('demoDumps'));
  model = parseDumpFile(file);
});

async function openProductpageGraph(): Promise<void> {
  const s = session();
  await s.shell.open();
  await loadDumpFile(s, file);
  await openGraph(s);
}

describe('focus', () => {
  test('focusing a listener through window.__meshlensGraph keeps only its chain', async () => {
    const s = session();
    await openProductpageGraph();
    const all = await s.graph.visibleNodeIds();
    const listener = `listener:${outboundListenerOnPort(model, 9080).name}`;

    await s.graph.focusViaHook(listener);
    const focused = await s.graph.visibleNodeIds();
    expect(focused.length, 'focus should hide the rest of the graph').toBeLessThan(all.length);
    expect(idsWithPrefix(focused, 'cluster:').length, 'the chain reaches clusters').toBeGreaterThan(
      0,
    );
    expectOnlyChainOf(model, listener, focused, await s.graph.edgeIds());

    await s.graph.clearFocus();
    expect(
      (await s.graph.visibleNodeIds()).sort(),
      'clearing focus shows everything again',
    ).toEqual([...all].sort());
  });

  test('selecting a listener on the canvas and clicking graph-focus keeps only its chain', async () => {
    const s = session();
    await openProductpageGraph();
    const all = await s.graph.visibleNodeIds();
    const name = outboundListenerOnPort(model, 9080).name;
    const listener = `listener:${name}`;

    await s.graph.clickNode(listener);
    await s.graph.sidePanel().waitFor({ state: 'visible' });
    await expect.poll(() => s.graph.sidePanel().innerText()).toContain(name);

    await s.graph.clickFocus();
    const focused = await s.graph.visibleNodeIds();
    expect(focused.length).toBeLessThan(all.length);
    expectOnlyChainOf(model, listener, focused, await s.graph.edgeIds());
  });

  test('a double-clicked listener: its whole chain is fitted beside the side panel', async () => {
    const s = session();
    await openProductpageGraph();
    const listener = `listener:${outboundListenerOnPort(model, 9080).name}`;

    await s.graph.doubleClickNode(listener);
    await s.graph.sidePanel().waitFor({ state: 'visible' });
    await s.graph.waitReady();
    await s.graph.waitViewportSettled();
    const focused = await s.graph.visibleNodeIds();
    expectOnlyChainOf(model, listener, focused, await s.graph.edgeIds());
    expect(idsWithPrefix(focused, 'cluster:').length, 'the chain reaches clusters').toBeGreaterThan(
      0,
    );
    expect(
      await s.graph.nodesBeyondCanvasWidth(),
      'every column of the chain is inside the canvas, none under the side panel',
    ).toEqual([]);
  });
});

describe('search', () => {
  test('graph-search highlights exactly the nodes of matching clusters, and clears', async () => {
    const s = session();
    await openProductpageGraph();
    const term = 'reviews';
    const expected = clustersContaining(model, term).map((n) => `cluster:${n}`);
    expect(expected.length, `the model should have clusters containing "${term}"`).toBeGreaterThan(
      0,
    );

    await s.graph.search(term);
    await expect
      .poll(async () => (await s.graph.highlightedNodeIds()).length, {
        message: 'search should highlight nodes',
      })
      .toBeGreaterThan(0);
    const highlighted = await s.graph.highlightedNodeIds();
    const ids = new Set(await s.graph.nodeIds());
    expect(
      highlighted.filter((id) => !ids.has(id)),
      'highlighted ids are graph nodes',
    ).toEqual([]);
    expect(idsWithPrefix(highlighted, 'cluster:'), 'highlighted clusters').toEqual(expected.sort());

    await s.graph.search('no-such-thing-in-this-dump');
    await expect.poll(() => s.graph.highlightedNodeIds()).toEqual([]);
  });
});
