import type { Download, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** The test hook the graph view installs on `window` (see the web app's graph folder). */
export interface MeshlensGraphApi {
  nodeIds(): string[];
  edgeIds(): string[];
  visibleNodeIds(): string[];
  highlightedNodeIds(): string[];
  select(id: string): void;
  focus(id: string | undefined): void;
  ready: boolean;
}

type GraphWindow = { __meshlensGraph?: MeshlensGraphApi };

/** The few Cytoscape calls the tests make on the live instance behind the canvas. */
interface CyLike {
  elements(): { boundingBox(): { w: number; h: number } };
  zoom(): number;
  pan(): { x: number; y: number };
  getElementById(id: string): {
    length: number;
    visible(): boolean;
    renderedPosition(): { x: number; y: number };
  };
  nodes(): {
    filter(f: (n: CyNodeLike) => boolean): { map<T>(f: (n: CyNodeLike) => T): T[] };
  };
}
interface CyNodeLike {
  id(): string;
  visible(): boolean;
  renderedBoundingBox(): { x1: number; x2: number; y1: number; y2: number };
}
type CyHost = Element & { _cyreg?: { cy?: CyLike } };

/** What an export produced. */
export interface Exported {
  fileName: string;
  bytes: Buffer;
}

/** The graph view: toolbar, Cytoscape canvas, side panel, exports, and the `window` test hook. */
export class GraphPanel {
  constructor(readonly page: Page) {}

  canvas(): Locator {
    return this.page.getByTestId('graph-canvas');
  }

  sidePanel(): Locator {
    return this.page.getByTestId('graph-side-panel');
  }

  /**
   * Waits until the graph hook reports `ready` and the set of visible nodes stops changing
   * (layouts and state changes settle asynchronously).
   */
  async waitReady(timeout = 60_000): Promise<void> {
    await expect
      .poll(
        () => this.page.evaluate(() => (window as GraphWindow).__meshlensGraph?.ready === true),
        { timeout, message: 'window.__meshlensGraph.ready should become true' },
      )
      .toBe(true);
    let last = '';
    await expect
      .poll(
        async () => {
          const now = (await this.visibleNodeIds()).join('\n');
          const stable = now === last;
          last = now;
          return stable;
        },
        { timeout, interval: 250, message: 'the visible graph should settle' },
      )
      .toBe(true);
  }

  /** All node ids of the current graph. */
  nodeIds(): Promise<string[]> {
    return this.list('nodeIds');
  }

  edgeIds(): Promise<string[]> {
    return this.list('edgeIds');
  }

  visibleNodeIds(): Promise<string[]> {
    return this.list('visibleNodeIds');
  }

  highlightedNodeIds(): Promise<string[]> {
    return this.list('highlightedNodeIds');
  }

  // The callback runs in the page, so it cannot call helpers of this module.
  private list(
    method: 'nodeIds' | 'edgeIds' | 'visibleNodeIds' | 'highlightedNodeIds',
  ): Promise<string[]> {
    return this.page.evaluate((m) => {
      const g = (window as GraphWindow).__meshlensGraph;
      if (!g) throw new Error('window.__meshlensGraph is not set: no graph is shown');
      return g[m]();
    }, method);
  }

  /** Focuses through the test hook. */
  async focusViaHook(id: string | undefined): Promise<void> {
    await this.page.evaluate((nodeId) => {
      const g = (window as GraphWindow).__meshlensGraph;
      if (!g) throw new Error('window.__meshlensGraph is not set: no graph is shown');
      g.focus(nodeId ?? undefined);
    }, id ?? null);
    await this.waitReady();
  }

  /** Selects through the test hook. */
  async selectViaHook(id: string): Promise<void> {
    await this.page.evaluate((nodeId) => {
      const g = (window as GraphWindow).__meshlensGraph;
      if (!g) throw new Error('window.__meshlensGraph is not set: no graph is shown');
      g.select(nodeId);
    }, id);
  }

  /**
   * Visible nodes drawn (partly) left or right of the canvas (outside its width): cut off, or
   * hidden under the side panel beside it.
   */
  nodesBeyondCanvasWidth(): Promise<string[]> {
    return this.canvas().evaluate((el) => {
      const hosts = [el, ...Array.from(el.querySelectorAll('*'))] as CyHost[];
      const cy = hosts.map((h) => h._cyreg?.cy).find((c) => c !== undefined);
      if (!cy) throw new Error('no Cytoscape instance inside graph-canvas');
      const width = el.clientWidth;
      return cy
        .nodes()
        .filter((n) => n.visible())
        .map((n) => ({ id: n.id(), b: n.renderedBoundingBox() }))
        .filter(({ b }) => b.x1 < -1 || b.x2 > width + 1)
        .map(({ id }) => id);
    });
  }

  /** Double-clicks the node `id` on the canvas (focus). */
  async doubleClickNode(id: string): Promise<void> {
    const pos = await this.nodeScreenPosition(id);
    await this.page.mouse.dblclick(pos.x, pos.y);
  }

  /** Clicks the node `id` on the canvas, at the position Cytoscape rendered it. */
  async clickNode(id: string): Promise<void> {
    const pos = await this.nodeScreenPosition(id);
    await this.page.mouse.click(pos.x, pos.y);
  }

  private async nodeScreenPosition(id: string): Promise<{ x: number; y: number }> {
    const pos = await this.canvas().evaluate((el, nodeId) => {
      const hosts = [el, ...Array.from(el.querySelectorAll('*'))] as CyHost[];
      const cy = hosts.map((h) => h._cyreg?.cy).find((c) => c !== undefined);
      if (!cy) throw new Error('no Cytoscape instance inside graph-canvas');
      const node = cy.getElementById(nodeId);
      if (node.length === 0 || !node.visible()) return undefined;
      const host = hosts.find((h) => h._cyreg?.cy === cy) ?? el;
      const box = host.getBoundingClientRect();
      const p = node.renderedPosition();
      const inside = p.x >= 0 && p.y >= 0 && p.x <= box.width && p.y <= box.height;
      return { x: box.left + p.x, y: box.top + p.y, inside };
    }, id);
    if (!pos) throw new Error(`graph node ${id} is not drawn, cannot click it`);
    if (!pos.inside)
      throw new Error(`graph node ${id} is outside the visible canvas, cannot click it`);
    return pos;
  }

  /** The full bounding box of the drawn graph in model units (what a `full` export covers). */
  graphBoundingBox(): Promise<{ w: number; h: number }> {
    return this.canvas().evaluate((el) => {
      const hosts = [el, ...Array.from(el.querySelectorAll('*'))] as CyHost[];
      const cy = hosts.map((h) => h._cyreg?.cy).find((c) => c !== undefined);
      if (!cy) throw new Error('no Cytoscape instance inside graph-canvas');
      const bb = cy.elements().boundingBox();
      return { w: bb.w, h: bb.h };
    });
  }

  /** Waits until Cytoscape's zoom and pan stop changing (fit and focus animate the viewport). */
  async waitViewportSettled(timeout = 10_000): Promise<void> {
    let last = '';
    await expect
      .poll(
        async () => {
          const now = await this.canvas().evaluate((el) => {
            const hosts = [el, ...Array.from(el.querySelectorAll('*'))] as CyHost[];
            const cy = hosts.map((h) => h._cyreg?.cy).find((c) => c !== undefined);
            if (!cy) return 'no-cy';
            const p = cy.pan();
            return `${cy.zoom().toFixed(4)} ${p.x.toFixed(1)} ${p.y.toFixed(1)} ${el.clientWidth}x${el.clientHeight}`;
          });
          const stable = now === last;
          last = now;
          return stable;
        },
        { timeout, interval: 300, message: 'the graph viewport should stop moving' },
      )
      .toBe(true);
  }

  /** Size of the canvas element on screen (CSS pixels). */
  async canvasSize(): Promise<{ width: number; height: number }> {
    const box = await this.canvas().boundingBox();
    if (!box) throw new Error('graph-canvas is not visible');
    return { width: box.width, height: box.height };
  }

  /** Types into the search box. */
  async search(text: string): Promise<void> {
    await this.page.getByTestId('graph-search').fill(text);
  }

  /** Clicks the side panel's focus button (focuses the selected node). */
  async clickFocus(): Promise<void> {
    await this.page.getByTestId('graph-focus').click();
    await this.waitReady();
  }

  async clearFocus(): Promise<void> {
    await this.page.getByTestId('graph-clear-focus').click();
    await this.waitReady();
  }

  /** "N nodes, M edges" parsed. */
  async stats(): Promise<{ nodes: number; edges: number }> {
    const text = (await this.page.getByTestId('graph-stats').innerText()).trim();
    const m = /([\d,]+) nodes?, ([\d,]+) edges?/.exec(text);
    if (!m?.[1] || !m[2])
      throw new Error(`graph-stats should read "N nodes, M edges", got "${text}"`);
    return { nodes: Number(m[1].replace(/,/g, '')), edges: Number(m[2].replace(/,/g, '')) };
  }

  /** Picks the export scale and clicks an export button; resolves to the downloaded file. */
  async export(kind: 'png' | 'svg' | 'model-json', scale?: 1 | 2 | 3 | 4): Promise<Exported> {
    if (scale !== undefined) {
      await this.page.getByTestId('export-scale').selectOption(String(scale));
    }
    const [download] = await Promise.all([
      this.page.waitForEvent('download', { timeout: 60_000 }),
      this.page.getByTestId(`export-${kind}`).click(),
    ]);
    return { fileName: download.suggestedFilename(), bytes: await readDownload(download) };
  }
}

async function readDownload(download: Download): Promise<Buffer> {
  const failure = await download.failure();
  if (failure !== null) throw new Error(`download failed: ${failure}`);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
