// The topology page on the demo mesh (the e2e server runs `meshlens serve` with no source flags:
// the demo simulator, and a local Prometheus scraping it when `prometheus` is installed, as in CI).
import { PNG } from 'pngjs';
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { TopologyPage } from '../pages/TopologyPage';
import { outPath } from '../support/paths';
import { saveDocsScreenshot } from '../support/screenshots';
import { useMeshlens } from '../support/session';

const session = useMeshlens();
const svc = (name: string): string => `svc:${name}.bookinfo.svc.cluster.local`;
const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface Status {
  traffic: boolean;
  trafficUnavailable?: string;
}

async function status(page: Page): Promise<Status> {
  return page.evaluate(async () => {
    const r = await fetch('/api/topology/status');
    return (await r.json()) as Status;
  });
}

/** Taps an element on the live Cytoscape instance (the same event a click sends). */
async function tap(page: Page, id: string): Promise<void> {
  await page.evaluate((elementId) => {
    type Cy = { getElementById(i: string): { length: number; emit(e: string): void } };
    const host = document.querySelector('[data-testid=topo-canvas]') as
      (Element & { _cyreg?: { cy?: Cy } }) | null;
    const el = host?._cyreg?.cy?.getElementById(elementId);
    if (!el || el.length === 0) throw new Error(`no element ${elementId}`);
    el.emit('tap');
  }, id);
}

/** Waits until the traffic graph has productpage-v1 -> reviews with traffic (Prometheus needs a few scrapes). */
async function waitForTraffic(topo: TopologyPage) {
  const edge = `t:wl:bookinfo/productpage-v1>${svc('reviews')}:http`;
  const snap = await topo.waitFor(
    (s) => s.edges.some((e) => e.id === edge && (e.rps ?? 0) > 0),
    60_000,
    'traffic on productpage-v1 -> reviews',
  );
  return { snap, edge };
}

describe('topology page', () => {
  test('config graph of the demo mesh: services, gateway, routes, namespace boxes; state in the URL', async () => {
    const s = session();
    const topo = new TopologyPage(s.page);
    await topo.open();
    const snap = await topo.snapshot();
    expect(snap.mode).toBe('config');
    for (const name of ['reviews', 'ratings', 'details', 'productpage']) {
      expect(snap.nodeIds, name).toContain(svc(name));
    }
    expect(snap.nodeIds).toContain('gw:bookinfo/bookinfo-gateway');
    expect(snap.nodeIds).toContain('ns:Kubernetes/bookinfo');
    // The reviews VirtualService splits over the v1/v2/v3 subsets.
    for (const v of ['v1', 'v2', 'v3']) {
      const prefix = `routes:vs:bookinfo/reviews->subset:reviews.bookinfo.svc.cluster.local|${v}`;
      expect(
        snap.edgeIds.some((id) => id.startsWith(prefix)),
        prefix,
      ).toBe(true);
    }
    await topo.select('topo-layout', 'grid');
    expect(new URL(s.page.url()).searchParams.get('t.layout')).toBe('grid');
    expect(new URL(s.page.url()).searchParams.has('topo')).toBe(true);
    // A reload restores the page and its layout.
    await s.page.reload();
    await topo.waitReady();
    expect(await s.page.getByTestId('topo-layout').inputValue()).toBe('grid');
  });

  test('an edge opens its VirtualService and DestinationRule in the side panel', async () => {
    const s = session();
    const topo = new TopologyPage(s.page);
    await topo.open();
    const route = (await topo.snapshot()).edgeIds.find((id) =>
      id.startsWith('routes:vs:bookinfo/reviews->subset:reviews.bookinfo.svc.cluster.local|v2'),
    );
    expect(route).toBeDefined();
    await tap(s.page, route ?? '');
    const panel = s.page.getByTestId('topo-edge-config');
    await panel.waitFor({ state: 'visible' });
    const text = (await panel.textContent()) ?? '';
    expect(text).toContain('VirtualService bookinfo/reviews');
    expect(text).toMatch(/subsets v1, v2, v3/);
  });

  test('find highlights and hide removes by expression', async () => {
    const s = session();
    const topo = new TopologyPage(s.page);
    await topo.open();
    const all = await topo.snapshot();

    await topo.type('topo-find', 'name = reviews');
    const found = await topo.waitFor((x) => x.foundIds.length > 0, 5000, 'find results');
    expect(found.foundIds).toContain(svc('reviews'));
    expect(found.foundIds).toContain('vs:bookinfo/reviews');
    expect(found.foundIds).not.toContain(svc('ratings'));
    expect(found.nodeIds).toEqual(all.nodeIds);

    await topo.type('topo-find', '');
    await topo.type('topo-hide', 'ns = istio-system or name = details');
    const hidden = await topo.waitFor((x) => x.hiddenIds.length > 0, 5000, 'hidden elements');
    expect(hidden.nodeIds).not.toContain('wl:istio-system/istio-ingressgateway');
    expect(hidden.nodeIds).not.toContain(svc('details'));
    expect(hidden.nodeIds).not.toContain('ns:Kubernetes/istio-system');
    expect(hidden.hiddenIds).toContain('wl:istio-system/istio-ingressgateway');
    expect(hidden.nodeIds).toContain(svc('reviews'));
    expect(hidden.nodeIds.length).toBeLessThan(all.nodeIds.length);
    expect(new URL(s.page.url()).searchParams.get('t.hide')).toBe(
      'ns = istio-system or name = details',
    );

    await topo.type('topo-hide', 'colour = red');
    await s.page.getByTestId('topo-expression-error').waitFor({ state: 'visible' });
    expect(await s.page.getByTestId('topo-expression-error').textContent()).toContain(
      'unknown attribute',
    );
  });

  test('traffic, and config vs traffic: real edges with rates, configured-but-idle edges dashed', async () => {
    const s = session();
    const topo = new TopologyPage(s.page);
    await topo.open();
    const st = await status(s.page);
    await topo.select('topo-mode', 'traffic');
    if (!st.traffic) {
      // No prometheus on this machine: the view says so and how to fix it.
      const msg = s.page.getByTestId('topo-traffic-message');
      await msg.waitFor({ state: 'visible' });
      expect(await msg.textContent()).toMatch(/--prometheus|install Prometheus/i);
      return;
    }
    await topo.select('topo-graph-type', 'workload');
    const { snap, edge } = await waitForTraffic(topo);
    expect(snap.mode).toBe('traffic');
    expect(snap.edges.find((e) => e.id === edge)?.rps).toBeGreaterThan(0);

    // Find by rate in the traffic graph.
    await topo.type('topo-find', 'rps > 0');
    const found = await topo.waitFor((x) => x.foundIds.length > 0, 5000, 'rps find');
    expect(found.foundIds).toContain(edge);
    await topo.type('topo-find', '');

    await topo.select('topo-mode', 'both');
    const both = await topo.waitFor(
      (x) => x.mode === 'both' && x.dashedEdgeIds.length > 0,
      30_000,
      'dashed config edges',
    );
    expect(new URL(s.page.url()).searchParams.get('t.mode')).toBe('both');
    // productpage really calls reviews: drawn solid, with its rate.
    const pr = both.edges.find((e) => e.id === edge);
    expect(pr?.dashed).toBe(false);
    expect(pr?.rps).toBeGreaterThan(0);
    // productpage-v1 is configured to reach ratings (no Sidecar scoping) but never calls it: dashed.
    const idle = both.edges.find(
      (e) => e.source === 'wl:bookinfo/productpage-v1' && e.target === svc('ratings'),
    );
    expect(idle?.dashed).toBe(true);
    for (const e of both.edges.filter((x) => x.dashed)) expect(e.rps, e.id).toBeUndefined();
    // The demo's traffic is all configured: nothing flagged.
    expect(both.flaggedEdgeIds).toEqual([]);

    // The edge panel shows the traffic values and the VirtualService behind reviews.
    await tap(s.page, edge);
    await s.page.getByTestId('topo-edge-config').waitFor({ state: 'visible' });
    expect(await s.page.getByTestId('topo-edge-values').textContent()).toContain('requests/s');
    expect(await s.page.getByTestId('topo-edge-config').textContent()).toContain(
      'VirtualService bookinfo/reviews',
    );
    await tap(s.page, 'ns:Kubernetes/istio-system');
    await s.page.getByTestId('topo-side-panel').getByRole('button', { name: 'Close' }).click();
    await saveDocsScreenshot(s.page, 'topology');
  });

  test('export PNG and SVG of the whole graph', async () => {
    const s = session();
    const topo = new TopologyPage(s.page);
    await topo.open();
    const png = await topo.export('png');
    writeFileSync(outPath('downloads', png.fileName || 'topology.png'), png.bytes);
    expect(png.fileName).toMatch(/\.png$/);
    expect(png.bytes.subarray(0, 8).equals(pngSignature)).toBe(true);
    const image = PNG.sync.read(png.bytes);
    expect(image.width).toBeGreaterThan(200);
    expect(image.height).toBeGreaterThan(200);
    const colours = new Set<number>();
    for (let i = 0; i < image.data.length && colours.size < 3; i += 4 * 97) {
      colours.add(image.data.readUInt32BE(i));
    }
    expect(colours.size, 'the PNG has drawn content').toBeGreaterThan(1);

    const svg = await topo.export('svg');
    writeFileSync(outPath('downloads', svg.fileName || 'topology.svg'), svg.bytes);
    const text = svg.bytes.toString('utf8');
    expect(svg.fileName).toMatch(/\.svg$/);
    const parsed = await s.page.evaluate((src) => {
      const doc = new DOMParser().parseFromString(src, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        root: doc.documentElement.nodeName,
        width: doc.documentElement.getAttribute('width'),
      };
    }, text);
    expect(parsed.error).toBeNull();
    expect(parsed.root).toBe('svg');
    expect(Number(parsed.width)).toBeGreaterThan(100);
    for (const label of ['productpage', 'reviews', 'bookinfo-gateway'])
      expect(text).toContain(label);
  });

  test('clicking a workload opens its proxy view as a dump tab', async () => {
    const s = session();
    const topo = new TopologyPage(s.page);
    await topo.open();
    await tap(s.page, 'wl:bookinfo/productpage-v1');
    await s.page.getByTestId('topology-page').waitFor({ state: 'detached', timeout: 30_000 });
    const tabs = await s.page.getByTestId('dump-tab').allTextContents();
    expect(tabs.some((t) => t.includes('productpage-v1'))).toBe(true);
  });
});
