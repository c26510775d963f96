import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

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
  },
});
