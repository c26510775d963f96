// Launches Debian's Chromium through playwright-core. The suite never downloads a browser:
// it uses the system one (CI installs the `chromium` package) and fails loudly when it is missing.
import { accessSync, constants } from 'node:fs';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';

/** The browser binary; `MESHLENS_CHROMIUM` overrides Debian's default path. */
export const chromiumPath = process.env.MESHLENS_CHROMIUM ?? '/usr/bin/chromium';

/** Throws an actionable error when the browser binary is absent (the suite must not skip). */
export function assertChromiumInstalled(): void {
  try {
    accessSync(chromiumPath, constants.X_OK);
  } catch {
    throw new Error(
      `e2e: Chromium not found at ${chromiumPath}. Install it (\`apt-get update && apt-get install -y chromium\`) ` +
        'or point MESHLENS_CHROMIUM at a Chromium binary. The browser suite does not skip without it.',
    );
  }
}

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Starts a headless Chromium. playwright-core's `launch` gives every browser a fresh temporary
 * user-data-dir (and deletes it on close), so no state leaks between test files or runs.
 */
export async function launchChromium(): Promise<Browser> {
  assertChromiumInstalled();
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
}

/** Viewport of every page, and of the docs screenshots. */
export const viewport = { width: 1440, height: 900 } as const;

/** A fresh, isolated browser context (own storage, downloads allowed). */
export function newContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({
    baseURL,
    viewport,
    deviceScaleFactor: 1,
    acceptDownloads: true,
    colorScheme: 'light',
    locale: 'en-US',
    timezoneId: 'UTC',
  });
}
