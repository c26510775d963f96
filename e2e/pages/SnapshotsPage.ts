import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { cssString } from './AppShell';

/** One row of the snapshot list as shown. */
export interface SnapshotRowText {
  id: string;
  name: string;
  kind: string;
  source: string;
}

/** A snapshot just saved: its id and the absolute permalink the app offers to copy. */
export interface SavedSnapshot {
  id: string;
  permalink: string;
}

/** "Save snapshot…" in the view bar, the Snapshots page and the snapshot banners. */
export class SnapshotsPage {
  constructor(readonly page: Page) {}

  /** Saves the selected dump under `name` (the default name when undefined); returns its link. */
  async save(name?: string): Promise<SavedSnapshot> {
    await this.page.getByTestId('snapshot-save-open').click();
    const input = this.page.getByTestId('snapshot-name');
    if (name !== undefined) await input.fill(name);
    await this.page.getByTestId('snapshot-save').click();
    const link = this.page.getByTestId('snapshot-saved-link');
    await link.waitFor({ state: 'visible', timeout: 30_000 });
    const permalink = await link.getAttribute('data-permalink');
    if (permalink === null) throw new Error('the saved line should carry the permalink');
    const id = new URL(permalink).searchParams.get('snapshot');
    if (id === null) throw new Error(`not a snapshot permalink: ${permalink}`);
    // Close the popover again.
    await this.page.getByTestId('snapshot-save-open').click();
    return { id, permalink };
  }

  /** Tries to save the selected dump under `name` and returns the error line the popover shows. */
  async saveFailing(name: string): Promise<string> {
    await this.page.getByTestId('snapshot-save-open').click();
    await this.page.getByTestId('snapshot-name').fill(name);
    await this.page.getByTestId('snapshot-save').click();
    const error = this.saveError();
    await error.waitFor({ state: 'visible', timeout: 30_000 });
    const text = await error.innerText();
    await this.page.getByTestId('snapshot-save-open').click();
    return text;
  }

  /** The name the save popover offers before anything is typed (closes it again). */
  async defaultName(): Promise<string> {
    await this.page.getByTestId('snapshot-save-open').click();
    const value = await this.page.getByTestId('snapshot-name').inputValue();
    await this.page.getByTestId('snapshot-save-open').click();
    return value;
  }

  /** The error line of the save popover. */
  saveError(): Locator {
    return this.page.getByTestId('snapshot-save-error');
  }

  /** Opens the Snapshots page from the top bar and waits for its list (or its empty text). */
  async open(): Promise<void> {
    await this.page.getByTestId('nav-snapshots').click();
    await this.page.getByTestId('snapshots-page').waitFor({ state: 'visible' });
    await this.page
      .locator('[data-testid="snapshot-row"], [data-testid="snapshots-empty"]')
      .first()
      .waitFor({ state: 'visible', timeout: 30_000 });
  }

  rows(): Locator {
    return this.page.getByTestId('snapshot-row');
  }

  row(name: string): Locator {
    return this.page.locator(`[data-testid="snapshot-row"][data-name="${cssString(name)}"]`);
  }

  /** The listed snapshots in list order. */
  async list(): Promise<SnapshotRowText[]> {
    return this.rows().evaluateAll((trs) =>
      trs.map((tr) => ({
        id: tr.getAttribute('data-id') ?? '',
        name: tr.querySelector('[data-testid="snapshot-name-cell"]')?.textContent ?? '',
        kind: tr.querySelector('[data-testid="snapshot-kind"]')?.textContent ?? '',
        source: tr.querySelector('[data-testid="snapshot-source"]')?.textContent ?? '',
      })),
    );
  }

  /** Clicks Open on a snapshot. */
  async openSnapshot(name: string): Promise<void> {
    await this.row(name).getByTestId('snapshot-open').click();
  }

  /** The permalink behind a row's "Copy link". */
  async linkOf(name: string): Promise<string> {
    const link = await this.row(name)
      .getByTestId('snapshot-copy-link')
      .getAttribute('data-permalink');
    if (link === null) throw new Error(`no permalink on the row of ${name}`);
    return link;
  }

  /** Deletes a snapshot (with the confirmation) and waits until its row is gone. */
  async delete(name: string): Promise<void> {
    const row = this.row(name);
    await row.getByTestId('snapshot-delete').click();
    await row.getByTestId('snapshot-delete-confirm').click();
    await expect
      .poll(() => row.count(), { timeout: 30_000, message: `the row of ${name} should go` })
      .toBe(0);
  }

  /** Ticks the compare checkbox of a snapshot. */
  async pick(name: string): Promise<void> {
    await this.row(name).getByTestId('snapshot-pick').check();
  }

  /** Compares the picked snapshot(s), with an open tab when `tabLabel` is given. */
  async compare(tabLabel?: string): Promise<void> {
    if (tabLabel !== undefined) {
      await this.page
        .getByTestId('snapshot-compare-tab')
        .selectOption({ label: `open tab: ${tabLabel}` });
    }
    await this.page.getByTestId('snapshot-compare').click();
    await this.page.getByTestId('diff-page').waitFor({ state: 'visible', timeout: 60_000 });
  }

  /** The banner of a snapshot that could not be opened. */
  errorBanner(): Locator {
    return this.page.getByTestId('snapshot-error');
  }
}
