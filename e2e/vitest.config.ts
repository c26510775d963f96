import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Vitest 5's error summary calls Map.groupBy, which Node 20 lacks (it arrived in Node 21): without
// this, a failing run prints a reporter TypeError instead of the failed assertions.
if (typeof (Map as { groupBy?: unknown }).groupBy !== 'function') {
  Object.defineProperty(Map, 'groupBy', {
    configurable: true,
    writable: true,
    value: <K, T>(items: Iterable<T>, key: (item: T, index: number) => K): Map<K, T[]> => {
      const out = new Map<K, T[]>();
      let i = 0;
      for (const item of items) {
        const k = key(item, i++);
        const list = out.get(k);
        if (list) list.push(item);
        else out.set(k, [item]);
      }
      return out;
    },
  });
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// The browser suite: one real server, one Chromium per file, files one after another
// (the machine has two cores; the server and Chromium already use them).
export default defineConfig({
  root: repoRoot,
  test: {
    include: ['e2e/tests/**/*.e2e.ts'],
    globalSetup: ['e2e/support/globalSetup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    pool: 'forks',
    // Files share one worker's module cache (playwright-core and the model load once, ~20 s less);
    // every file still gets its own Chromium, context and page.
    isolate: false,
  },
});
