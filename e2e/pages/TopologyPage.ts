import type { Download, Page } from 'playwright-core';

/** The test hook the topology page installs on `window` (apps/web/src/topology/useTopologyTestHook.ts). */
export interface MeshlensTopologyApi {
  ready: boolean;
  mode: string;
  nodeIds(): string[];
  edgeIds(): string[];
  dashedEdgeIds(): string[];
  flaggedEdgeIds(): string[];
  foundIds(): string[];
  hiddenIds(): string[];
  renderer(): 'webgl' | 'canvas' | 'none';
  clientPosition(id: string): { x: number; y: number } | undefined;
  boxes(): TopologyBox[];
  edges(): {
    id: string;
    source: string;
    target: string;
    rps?: number;
    dashed: boolean;
    flagged: boolean;
  }[];
}

/** A drawn box (namespace, cluster or app) and, when collapsed, how many nodes it holds. */
export interface TopologyBox {
  id: string;
  box: string;
  collapsed: boolean;
  members: number;
}

/** A snapshot of the hook's values (functions cannot cross into the test process). */
export interface TopologySnapshot {
  ready: boolean;
  mode: string;
  nodeIds: string[];
  edgeIds: string[];
  dashedEdgeIds: string[];
  flaggedEdgeIds: string[];
  foundIds: string[];
  hiddenIds: string[];
  edges: ReturnType<MeshlensTopologyApi['edges']>;
}

type TopoWindow = { __meshlensTopology?: MeshlensTopologyApi };

/** The topology page: toolbar controls, canvas, side panel, exports and the `window` hook. */
export class TopologyPage {
  constructor(readonly page: Page) {}

  /** Opens the app, then the page from the top bar; waits for the first drawn graph. */
  async open(): Promise<void> {
    await this.page.goto('/');
    await this.page.getByTestId('nav-topology').click();
    await this.page.getByTestId('topology-page').waitFor({ state: 'visible' });
    await this.waitReady();
  }

  async waitReady(timeout = 30_000): Promise<void> {
    await this.page.waitForFunction(
      () => {
        const t = (window as TopoWindow).__meshlensTopology;
        return t?.ready === true && t.nodeIds().length > 0;
      },
      null,
      { timeout },
    );
  }

  async snapshot(): Promise<TopologySnapshot> {
    return this.page.evaluate(() => {
      const t = (window as TopoWindow).__meshlensTopology;
      if (!t) throw new Error('no __meshlensTopology on the page');
      return {
        ready: t.ready,
        mode: t.mode,
        nodeIds: t.nodeIds(),
        edgeIds: t.edgeIds(),
        dashedEdgeIds: t.dashedEdgeIds(),
        flaggedEdgeIds: t.flaggedEdgeIds(),
        foundIds: t.foundIds(),
        hiddenIds: t.hiddenIds(),
        edges: t.edges(),
      };
    });
  }

  /** The drawn boxes. */
  async boxes(): Promise<TopologyBox[]> {
    return this.page.evaluate(() => (window as TopoWindow).__meshlensTopology?.boxes() ?? []);
  }

  /** Which renderer Cytoscape uses (`webgl` = it holds a WebGL2 context). */
  async renderer(): Promise<string> {
    return this.page.evaluate(
      () => (window as TopoWindow).__meshlensTopology?.renderer() ?? 'none',
    );
  }

  /** Page coordinates of a drawn element (to click it with the real mouse). */
  async clientPosition(id: string): Promise<{ x: number; y: number }> {
    const at = await this.page.evaluate(
      (i) => (window as TopoWindow).__meshlensTopology?.clientPosition(i),
      id,
    );
    if (!at) throw new Error(`topology: ${id} is not drawn`);
    return at;
  }

  async select(testId: string, value: string): Promise<void> {
    await this.page.getByTestId(testId).selectOption(value);
  }

  async type(testId: 'topo-find' | 'topo-hide', text: string): Promise<void> {
    await this.page.getByTestId(testId).fill(text);
  }

  /** Waits until `check` holds for the hook's snapshot (polling), returning that snapshot. */
  async waitFor(
    check: (s: TopologySnapshot) => boolean,
    timeoutMs: number,
    what: string,
  ): Promise<TopologySnapshot> {
    const deadline = Date.now() + timeoutMs;
    let last: TopologySnapshot | undefined;
    while (Date.now() < deadline) {
      last = await this.snapshot().catch(() => undefined);
      if (last && check(last)) return last;
      await this.page.waitForTimeout(500);
    }
    throw new Error(
      `topology: ${what} not reached in ${timeoutMs} ms; last: ${JSON.stringify(last)}`,
    );
  }

  async export(kind: 'png' | 'svg'): Promise<{ fileName: string; bytes: Buffer }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download', { timeout: 60_000 }),
      this.page.getByTestId(`topo-export-${kind}`).click(),
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
