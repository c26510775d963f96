import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** The views of the app's main navigation. */
export type AppView = 'overview' | 'graph' | 'tables';

/** The app frame: dump tabs, navigation, theme and the load error banner. */
export class AppShell {
  constructor(readonly page: Page) {}

  /** Opens the app at `path` (relative to the server under test) and waits for the upload area. */
  async open(path = '/'): Promise<void> {
    await this.page.goto(path);
    await this.page.getByTestId('upload-dropzone').waitFor({ state: 'visible' });
  }

  /** Every open dump tab. */
  dumpTabs(): Locator {
    return this.page.getByTestId('dump-tab');
  }

  /** The tab of the dump labelled `name`. */
  dumpTab(name: string): Locator {
    return this.page.locator(`[data-testid="dump-tab"][data-name="${cssString(name)}"]`);
  }

  /** The label (`data-name`) of the selected dump tab. */
  async activeDumpName(): Promise<string | null> {
    return this.page
      .locator('[data-testid="dump-tab"][aria-selected="true"]')
      .getAttribute('data-name');
  }

  /** Waits until the dump labelled `name` is loaded and its tab selected. */
  async waitForDump(name: string): Promise<void> {
    const tab = this.dumpTab(name);
    await expect
      .poll(() => tab.getAttribute('aria-selected'), {
        timeout: 60_000,
        message: `dump tab "${name}" should open and be selected`,
      })
      .toBe('true');
    await waitForCount(
      this.page.getByTestId('load-progress'),
      0,
      'the load progress should go away',
    );
  }

  /**
   * Waits until a dump tab beyond the `before` already open ones exists, is selected and has
   * finished loading; returns its label.
   */
  async waitForNewDump(before: number): Promise<string> {
    await expect
      .poll(() => this.dumpTabs().count(), {
        timeout: 60_000,
        message: 'a new dump tab should open',
      })
      .toBe(before + 1);
    await waitForCount(
      this.page.getByTestId('load-progress'),
      0,
      'the load progress should go away',
    );
    const name = await this.activeDumpName();
    if (name === null) throw new Error('no dump tab is selected after the load');
    return name;
  }

  /** Switches the main view. */
  async go(view: AppView): Promise<void> {
    await this.page.getByTestId(`nav-${view}`).click();
  }

  /** The error banner of a failed load. */
  loadError(): Locator {
    return this.page.getByTestId('load-error');
  }

  /** Flips the theme and returns the new `data-theme` of `<html>`. */
  async toggleTheme(): Promise<string | null> {
    const before = await this.theme();
    await this.page.getByTestId('theme-toggle').click();
    await expect
      .poll(() => this.theme(), { message: 'theme-toggle should change data-theme' })
      .not.toBe(before);
    return this.theme();
  }

  /** `data-theme` of the `<html>` element. */
  theme(): Promise<string | null> {
    return this.page.locator('html').getAttribute('data-theme');
  }
}

/** Polls until `locator` matches exactly `n` elements. */
export async function waitForCount(
  locator: Locator,
  n: number,
  message: string,
  timeout = 60_000,
): Promise<void> {
  await expect.poll(() => locator.count(), { timeout, message }).toBe(n);
}

/** Escapes a value for a double-quoted CSS attribute selector. */
export function cssString(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}
