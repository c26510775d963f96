import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { screenshotsDir } from './paths';

/** Writes `docs/screenshots/<name>.png` from the current viewport (1440x900 at scale 1). */
export async function saveDocsScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotsDir, { recursive: true });
  const path = join(screenshotsDir, `${name}.png`);
  // Let transitions and the last layout frame finish before capturing.
  await page.evaluate(
    () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))),
  );
  await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
  return path;
}
