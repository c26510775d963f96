// Exporting the graph of a real dump as PNG (at scale 2) and SVG: real files, of the right size,
// covering the whole graph, with the node labels in the SVG.
import { PNG } from 'pngjs';
import { writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadDumpFile, openGraph } from '../support/flows';
import { parseDumpFile } from '../support/model';
import { fixture, outPath } from '../support/paths';
import { useMeshlens } from '../support/session';

const session = useMeshlens();
const ingressFixture = fixture('config-dumps', 'istio13-ingressgateway-v2alpha.json');
const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('export', () => {
  test('PNG at scale 2 covers the whole graph at twice its size', async () => {
    const s = session();
    await s.shell.open();
    await loadDumpFile(s, ingressFixture);
    await openGraph(s);

    const png = await s.graph.export('png', 2);
    writeFileSync(outPath('downloads', png.fileName || 'graph.png'), png.bytes);
    expect(png.fileName).toMatch(/\.png$/);
    expect(png.bytes.subarray(0, 8).equals(pngSignature), 'PNG signature').toBe(true);
    expect(png.bytes.subarray(12, 16).toString('latin1'), 'first chunk is IHDR').toBe('IHDR');
    const image = PNG.sync.read(png.bytes);
    expect(image.width).toBe(png.bytes.readUInt32BE(16));

    const canvas = await s.graph.canvasSize();
    const bb = await s.graph.graphBoundingBox();
    expect(
      image.width * image.height,
      'export is bigger than the on-screen canvas',
    ).toBeGreaterThan(canvas.width * canvas.height);
    // Cytoscape's full export is ceil(bounding box) x scale; allow a margin for padding.
    for (const [got, model] of [
      [image.width, bb.w],
      [image.height, bb.h],
    ] as const) {
      expect(got, 'PNG size vs 2 x the graph bounding box').toBeGreaterThanOrEqual(
        Math.floor(model * 2 * 0.97),
      );
      expect(got).toBeLessThanOrEqual(Math.ceil(model * 2 * 1.1) + 100);
    }
    // Not a blank image: more than one colour.
    const colours = new Set<number>();
    for (let i = 0; i < image.data.length && colours.size < 3; i += 4 * 97) {
      colours.add(image.data.readUInt32BE(i));
    }
    expect(colours.size, 'the PNG has drawn content').toBeGreaterThan(1);
  });

  test('SVG parses, has a size and contains the node labels', async () => {
    const model = parseDumpFile(ingressFixture);
    const s = session();
    await s.shell.open();
    await loadDumpFile(s, ingressFixture);
    await openGraph(s);

    const svg = await s.graph.export('svg', 2);
    writeFileSync(outPath('downloads', svg.fileName || 'graph.svg'), svg.bytes);
    expect(svg.fileName).toMatch(/\.svg$/);
    const text = svg.bytes.toString('utf8');
    expect(text.trimStart()).toMatch(/^(<\?xml|<svg)/);

    // Parse it with the browser's XML parser: a broken SVG yields a <parsererror> document.
    const parsed = await s.page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
      const root = doc.documentElement;
      return {
        error: doc.getElementsByTagName('parsererror').length > 0,
        root: root.nodeName,
        width: root.getAttribute('width'),
        height: root.getAttribute('height'),
        texts: Array.from(doc.getElementsByTagName('text')).map((t) => t.textContent ?? ''),
      };
    }, text);
    expect(parsed.error, 'the SVG is well-formed XML').toBe(false);
    expect(parsed.root).toBe('svg');
    expect(Number.parseFloat(parsed.width ?? ''), 'svg width').toBeGreaterThan(0);
    expect(Number.parseFloat(parsed.height ?? ''), 'svg height').toBeGreaterThan(0);
    const allText = parsed.texts.join('\n');
    // Route config names and listener ports are drawn as labels.
    for (const rc of model.routeConfigs.filter((r) => !r.inline && r.name !== '')) {
      expect(allText, `label of route config ${rc.name}`).toContain(rc.name);
    }
    expect(parsed.texts.length, 'one label per node at least').toBeGreaterThanOrEqual(
      model.listeners.length + model.clusters.length,
    );
  });
});
