// Per-file browser lifecycle: one Chromium per test file, one fresh context and page per test,
// page objects ready to use, and a screenshot in e2e/out/failures when a test fails.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest';
import { AppShell } from '../pages/AppShell';
import { GraphPanel } from '../pages/GraphPanel';
import { OverviewPanel } from '../pages/OverviewPanel';
import { TablesPanel } from '../pages/TablesPanel';
import { UploadPage } from '../pages/UploadPage';
import { launchChromium, newContext } from './chromium';
import { outPath } from './paths';

/** What a test gets: the page and its page objects. */
export interface MeshlensSession {
  baseUrl: string;
  context: BrowserContext;
  page: Page;
  shell: AppShell;
  upload: UploadPage;
  overview: OverviewPanel;
  graph: GraphPanel;
  tables: TablesPanel;
  /** Uncaught exceptions thrown in the page during the test. */
  pageErrors: string[];
}

/**
 * Registers the hooks of a browser test file and returns the accessor of the current session.
 * Every test fails when the page threw an uncaught exception (a blank or broken view).
 */
export function useMeshlens(): () => MeshlensSession {
  let browser: Browser | undefined;
  let session: MeshlensSession | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  beforeEach(async () => {
    if (!browser) throw new Error('Chromium did not start');
    const baseUrl = inject('baseUrl');
    const context = await newContext(browser, baseUrl);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(err.stack ?? err.message));
    session = {
      baseUrl,
      context,
      page,
      shell: new AppShell(page),
      upload: new UploadPage(page),
      overview: new OverviewPanel(page),
      graph: new GraphPanel(page),
      tables: new TablesPanel(page),
      pageErrors,
    };
  });

  afterEach(async ({ task }) => {
    const s = session;
    session = undefined;
    if (!s) return;
    if (task.result?.state === 'fail') {
      const name = `${task.file?.name ?? 'test'}-${task.name}`.replace(/[^\w.-]+/g, '_');
      await s.page.screenshot({ path: outPath('failures', `${name}.png`) }).catch(() => undefined);
    }
    await s.context.close();
    if (s.pageErrors.length > 0) {
      throw new Error(`the page threw uncaught exceptions:\n${s.pageErrors.join('\n---\n')}`);
    }
  });

  return () => {
    if (!session) throw new Error('no browser session: call this inside a test');
    return session;
  };
}
