// Generated demo dumps, written by the real CLI (`meshlens demo export --out <dir>`).
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { cliMain, repoRoot, tsxBin } from './paths';

const run = promisify(execFile);

/** Exports the demo mesh's dumps into a new temporary folder and returns the file paths. */
export async function exportDemoDumps(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'meshlens-e2e-demo-'));
  try {
    await run(tsxBin, [cliMain, 'demo', 'export', '--out', dir], {
      cwd: repoRoot,
      timeout: 120_000,
    });
  } catch (err) {
    const e = err as { message: string; stdout?: string; stderr?: string };
    throw new Error(
      `meshlens demo export failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`,
    );
  }
  const files = listFiles(dir).filter((f) => /\.json$/.test(f));
  if (files.length === 0) throw new Error(`meshlens demo export wrote no .json dumps into ${dir}`);
  return files;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/** The exported dump of the productpage sidecar among `files`. */
export function productpageDump(files: string[]): string {
  const hit = files.find((f) => /productpage[^/]*\.json$/.test(f));
  if (!hit)
    throw new Error(`no productpage dump among the exported demo files:\n${files.join('\n')}`);
  return hit;
}
