// Locates ../shared/fixtures (or $MESHLENS_FIXTURES). Suites that need the real captures call
// `describeFixtures`, which reports the suite as skipped, with the reason, when the folder is absent.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Absolute path of the fixtures folder (it may not exist). */
export const fixturesDir = resolve(
  process.env.MESHLENS_FIXTURES ?? join(repoRoot, '..', 'shared', 'fixtures'),
);

/** True when the real fixtures are present. */
export const haveFixtures = existsSync(fixturesDir);

/** Path of a file inside the fixtures folder. */
export function fixture(...parts: string[]): string {
  return join(fixturesDir, ...parts);
}

/** Every file below `dir` (relative to the fixtures folder), sorted, recursively. */
export function listFixtureFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (abs: string): void => {
    for (const name of readdirSync(abs).sort()) {
      const p = join(abs, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(fixturesDir, p));
    }
  };
  if (haveFixtures) walk(fixture(dir));
  return out;
}

/** `describe` when the fixtures exist; otherwise a skipped suite whose name says why. */
export function describeFixtures(name: string, body: () => void): void {
  if (haveFixtures) describe(name, body);
  else
    describe.skip(
      `${name} (skipped: fixtures folder ${fixturesDir} not found; set MESHLENS_FIXTURES)`,
      body,
    );
}
