import type { Download, Locator, Page } from 'playwright-core';

/** A downloaded file: its suggested name and bytes. */
export interface Downloaded {
  fileName: string;
  bytes: Buffer;
}

/** Graph node ids per diff status, as the compare view's test hook reports them. */
export interface DiffNodeIds {
  added: string[];
  removed: string[];
  changed: string[];
}

/** The compare view (two open dumps) and the redacted export of the proxy view. */
export class DiffPage {
  constructor(readonly page: Page) {}

  /** Opens the compare view from the top bar (needs two open dumps). */
  async open(): Promise<void> {
    await this.page.getByTestId('compare-open').click();
    await this.page.getByTestId('diff-page').waitFor({ state: 'visible' });
  }

  /** Picks the left and right dumps by tab label. */
  async pick(left: string, right: string): Promise<void> {
    await this.page.getByTestId('compare-left').selectOption(left);
    await this.page.getByTestId('compare-right').selectOption(right);
  }

  /** Opens several files at once through the file input (e.g. both sides of a shared link). */
  async uploadFiles(paths: string[]): Promise<void> {
    await this.page.getByTestId('file-input').setInputFiles(paths);
  }

  /** The key of the change marked selected in the list. */
  async selectedKey(): Promise<string | null> {
    const on = this.page.locator('[data-testid="diff-item"][aria-pressed="true"]');
    await on.waitFor({ state: 'visible', timeout: 60_000 });
    return on.getAttribute('data-key');
  }

  items(): Locator {
    return this.page.getByTestId('diff-item');
  }

  /** Every listed change as `kind status id`, in list order. */
  async listed(): Promise<{ kind: string; status: string; key: string }[]> {
    await this.page.getByTestId('diff-list').waitFor({ state: 'visible' });
    return this.items().evaluateAll((els) =>
      els.map((el) => ({
        kind: el.getAttribute('data-kind') ?? '',
        status: el.getAttribute('data-status') ?? '',
        key: el.getAttribute('data-key') ?? '',
      })),
    );
  }

  /** Selects the change with this `kind:id` key. */
  async select(key: string): Promise<void> {
    await this.page
      .locator(`[data-testid="diff-item"][data-key="${key.replace(/"/g, '\\"')}"]`)
      .click();
  }

  /** Rows of the field view: path, left text, right text. */
  async fields(): Promise<{ path: string; left: string; right: string }[]> {
    const rows = this.page.locator('[data-testid="diff-fields"] [data-testid="diff-field"]');
    await rows.first().waitFor({ state: 'visible' });
    return rows.evaluateAll((els) =>
      els.map((el) => ({
        path: el.getAttribute('data-path') ?? '',
        left: el.querySelector('[data-testid="diff-left"]')?.textContent ?? '',
        right: el.querySelector('[data-testid="diff-right"]')?.textContent ?? '',
      })),
    );
  }

  /** The graph's node ids per status (waits for the graph to be drawn). */
  async nodeIds(): Promise<DiffNodeIds> {
    await this.page.waitForFunction(() => window.__meshlensDiff !== undefined);
    return this.page.evaluate(() => {
      const hook = window.__meshlensDiff;
      if (!hook) throw new Error('no diff graph');
      return { added: hook.added(), removed: hook.removed(), changed: hook.changed() };
    });
  }

  /** Opens "Export redacted…", sets the options and downloads the redacted dump. */
  async exportRedacted(opts: { hostnames: boolean; namespaces: boolean }): Promise<Downloaded> {
    await this.page.getByTestId('redact-open').click();
    await this.page.getByTestId('redact-hostnames').setChecked(opts.hostnames);
    await this.page.getByTestId('redact-namespaces').setChecked(opts.namespaces);
    const [download] = await Promise.all([
      this.page.waitForEvent('download', { timeout: 60_000 }),
      this.page.getByTestId('redact-download').click(),
    ]);
    return { fileName: download.suggestedFilename(), bytes: await readDownload(download) };
  }

  /** The line telling what the redaction replaced. */
  async redactReport(): Promise<string> {
    const line = this.page.getByTestId('redact-report');
    await line.waitFor({ state: 'visible' });
    return (await line.textContent()) ?? '';
  }
}

declare global {
  interface Window {
    __meshlensDiff?: { added(): string[]; removed(): string[]; changed(): string[] };
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
