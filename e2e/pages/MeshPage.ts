import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** The xDS columns of the proxy list, in istioctl's order. */
export const xdsColumns = ['CDS', 'LDS', 'EDS', 'RDS', 'ECDS'] as const;

/** The mesh page: proxy list, filter, proxy panel and the istiod vs Envoy diff. */
export class MeshPage {
  constructor(readonly page: Page) {}

  /** Opens the mesh page from the top bar and waits for the first row. */
  async open(): Promise<void> {
    await this.page.getByTestId('nav-mesh').click();
    await this.page.getByTestId('mesh-page').waitFor({ state: 'visible' });
    await this.rows().first().waitFor({ state: 'visible', timeout: 30_000 });
  }

  rows(): Locator {
    return this.page.getByTestId('mesh-row');
  }

  row(id: string): Locator {
    return this.page.locator(`[data-testid="mesh-row"][data-proxy="${id}"]`);
  }

  /** Every shown row as its proxy id and the text of its five xDS cells. */
  async table(): Promise<{ id: string; sync: string[] }[]> {
    return this.rows().evaluateAll((trs) =>
      trs.map((tr) => ({
        id: tr.getAttribute('data-proxy') ?? '',
        sync: ['CDS', 'LDS', 'EDS', 'RDS', 'ECDS'].map(
          (x) => tr.querySelector(`[data-xds="${x}"]`)?.textContent?.trim() ?? '',
        ),
      })),
    );
  }

  /** Types into the filter and waits until the row count is `expected`. */
  async filter(text: string, expected: number): Promise<void> {
    await this.page.getByTestId('mesh-filter').fill(text);
    await expect
      .poll(() => this.rows().count(), { message: `rows after filtering "${text}"` })
      .toBe(expected);
  }

  /** Clicks "Open" on a proxy's row. */
  async openProxy(id: string): Promise<void> {
    await this.row(id).getByTestId('mesh-open').click();
  }

  /** Clicks "Diff" on a proxy's row and waits for the diff view. */
  async openDiff(id: string): Promise<Locator> {
    await this.row(id).getByTestId('mesh-diff').click();
    const diff = this.page.getByTestId('sync-diff');
    await diff.waitFor({ state: 'visible', timeout: 30_000 });
    return diff;
  }

  /** The diff's entries as kind, name and status. */
  async diffEntries(): Promise<{ kind: string; name: string; status: string }[]> {
    return this.page.getByTestId('sync-diff-entry').evaluateAll((els) =>
      els.map((e) => ({
        kind: e.getAttribute('data-kind') ?? '',
        name: e.getAttribute('data-name') ?? '',
        status: e.getAttribute('data-status') ?? '',
      })),
    );
  }

  /** Clicks "Fetch all" (the mesh-wide scan). */
  async fetchAll(): Promise<void> {
    await this.page.getByTestId('mesh-scan-start').click();
  }

  /** Clicks "Cancel" on the running scan. */
  async cancelScan(): Promise<void> {
    await this.page.getByTestId('mesh-scan-cancel').click();
  }

  /** The scan bar's state (`idle`, `running`, `done`...) and its done / total / failed counts. */
  async scanProgress(): Promise<{ state: string; done: number; total: number; failed: number }> {
    const bar = this.page.getByTestId('mesh-scan');
    const state = (await bar.getAttribute('data-state')) ?? '';
    if (state === 'idle') return { state, done: 0, total: 0, failed: 0 };
    const num = async (id: string): Promise<number> => {
      const el = bar.getByTestId(id);
      return (await el.count()) > 0 ? Number(/\d+/.exec(await el.innerText())?.[0] ?? NaN) : 0;
    };
    return {
      state,
      done: await num('mesh-scan-done'),
      total: await num('mesh-scan-total'),
      failed: await num('mesh-scan-failed'),
    };
  }

  /** Clicks a column header of the proxy list (asc, then desc, then unsorted). */
  async sortBy(column: string): Promise<void> {
    await this.page
      .locator(`[data-testid="mesh-table"] th[data-column="${column}"] button`)
      .click();
  }

  /**
   * Every row of the (virtualised) proxy list, in display order, with its summary cells: scrolls
   * the list from top to bottom, collecting the rows each position renders.
   */
  async allRowsWithSummaries(): Promise<{ id: string; summary: Record<string, string> }[]> {
    const scroller = this.page.getByTestId('mesh-table');
    const seen = new Map<number, { id: string; summary: Record<string, string> }>();
    await scroller.evaluate((el) => el.scrollTo({ top: 0 }));
    for (let step = 0; step < 1000; step++) {
      const batch = await this.rows().evaluateAll((trs) =>
        trs.map((tr) => {
          const summary: Record<string, string> = {};
          for (const td of Array.from(tr.querySelectorAll('[data-summary]')))
            summary[td.getAttribute('data-summary') ?? ''] = td.textContent?.trim() ?? '';
          return {
            index: Number(tr.getAttribute('aria-rowindex')),
            id: tr.getAttribute('data-proxy') ?? '',
            summary,
          };
        }),
      );
      for (const r of batch) seen.set(r.index, { id: r.id, summary: r.summary });
      const atEnd = await scroller.evaluate((el) => {
        const before = el.scrollTop;
        el.scrollTop = before + el.clientHeight * 0.8;
        return el.scrollTop === before;
      });
      if (atEnd) break;
      // Let the virtualiser render the rows of the new position.
      await this.page.evaluate(
        () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
      );
    }
    return [...seen.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r);
  }
}
