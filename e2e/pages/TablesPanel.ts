import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** The table kinds (`table-tab-<kind>`). */
export type TableKind = 'listeners' | 'routes' | 'clusters' | 'endpoints' | 'secrets';

/** The tables view: one tab per object kind, a filter box and the (virtualised) table. */
export class TablesPanel {
  constructor(readonly page: Page) {}

  async openTab(kind: TableKind): Promise<void> {
    const tab = this.page.getByTestId(`table-tab-${kind}`);
    await tab.click();
    await this.page.getByTestId('table').waitFor({ state: 'visible' });
  }

  filterInput(): Locator {
    return this.page.getByTestId('table-filter');
  }

  /** Types `text` into the filter and waits until the row count text reports it applied. */
  async filter(text: string): Promise<void> {
    await this.filterInput().fill(text);
  }

  rows(): Locator {
    return this.page.getByTestId('table-row');
  }

  /** The `table-row-count` text parsed: `{ shown, total }` from "N of M rows". */
  async rowCount(): Promise<{ shown: number; total: number; text: string }> {
    const text = (await this.page.getByTestId('table-row-count').innerText()).trim();
    const m = /^([\d,]+) of ([\d,]+) rows?$/.exec(text);
    if (!m?.[1] || !m[2])
      throw new Error(`table-row-count should read "N of M rows", got "${text}"`);
    return { shown: Number(m[1].replace(/,/g, '')), total: Number(m[2].replace(/,/g, '')), text };
  }

  /** Polls until the row count text shows `shown` rows. */
  async waitForShown(shown: number): Promise<void> {
    await expect
      .poll(async () => (await this.rowCount()).shown, {
        timeout: 30_000,
        message: 'table-row-count should report the filtered row count',
      })
      .toBe(shown);
  }

  /** `data-node-id` of every rendered row. */
  async rowNodeIds(): Promise<string[]> {
    return this.rows().evaluateAll((els) => els.map((e) => e.getAttribute('data-node-id') ?? ''));
  }
}
