import type { Locator, Page } from 'playwright-core';

/** The object kinds counted in the overview (`count-<kind>`). */
export type CountKind = 'listeners' | 'routes' | 'clusters' | 'endpoints' | 'secrets';

/** The overview of the selected dump: proxy identity, object counts, warnings. */
export class OverviewPanel {
  constructor(readonly page: Page) {}

  root(): Locator {
    return this.page.getByTestId('overview');
  }

  async waitVisible(): Promise<void> {
    await this.root().waitFor({ state: 'visible' });
  }

  /** The number shown for `kind`; fails when the element holds anything but a number. */
  async count(kind: CountKind): Promise<number> {
    const text = (await this.page.getByTestId(`count-${kind}`).innerText()).trim();
    if (!/^\d[\d,]*$/.test(text))
      throw new Error(`count-${kind} should hold just a number, got "${text}"`);
    return Number(text.replace(/,/g, ''));
  }

  async nodeId(): Promise<string> {
    return (await this.page.getByTestId('node-id').innerText()).trim();
  }

  async proxyType(): Promise<string> {
    return (await this.page.getByTestId('proxy-type').innerText()).trim();
  }
}
