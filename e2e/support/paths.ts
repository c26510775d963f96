// Where the e2e suite finds the repository, the real fixtures and its own output folders.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (`e2e/..`). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The real captured fixtures (`../shared/fixtures`, or `$MESHLENS_FIXTURES`). */
export const fixturesDir = resolve(
  process.env.MESHLENS_FIXTURES ?? join(repoRoot, '..', 'shared', 'fixtures'),
);

/** Path of a file inside the fixtures folder. */
export function fixture(...parts: string[]): string {
  return join(fixturesDir, ...parts);
}

/** The docs screenshots the suite (re)writes on every run. */
export const screenshotsDir = join(repoRoot, 'docs', 'screenshots');

/** Scratch output of the run (downloads, failure screenshots); git-ignored. */
export const outDir = join(repoRoot, 'e2e', 'out');

/** A folder below `e2e/out`, created on demand. */
export function outPath(...parts: string[]): string {
  const p = join(outDir, ...parts);
  mkdirSync(dirname(p), { recursive: true });
  return p;
}

/** The `tsx` binary of the workspace, used to run the `meshlens` CLI from source. */
export const tsxBin = join(repoRoot, 'node_modules', '.bin', 'tsx');

/** The CLI entry point. */
export const cliMain = join(repoRoot, 'apps', 'server', 'src', 'cli', 'main.ts');
