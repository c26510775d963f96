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
}
