import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, webAppDir, webDistDir } from './webPaths';

/** Everything the web bundle is built from: the app and the workspace packages it bundles. */
const sourceRoots = [
  join(webAppDir, 'src'),
  join(webAppDir, 'index.html'),
  join(webAppDir, 'vite.config.ts'),
  join(webAppDir, 'package.json'),
  join(repoRoot, 'packages'),
];

/** Newest modification time below `path` (skipping node_modules and build output). */
function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    // Tests are not bundled: editing one must not trigger a rebuild.
    if (/\.test\.tsx?$/.test(name)) continue;
    newest = Math.max(newest, newestMtime(join(path, name)));
  }
  return newest;
}

/** Why the web app needs (re)building, or `undefined` when `dist` is up to date. */
export function webBuildReason(): string | undefined {
  const index = join(webDistDir, 'index.html');
  if (!existsSync(index)) return 'the web app has not been built yet';
  const built = statSync(index).mtimeMs;
  const sources = Math.max(...sourceRoots.map(newestMtime));
  return sources > built ? 'its sources changed since the last build' : undefined;
}

/**
 * Moves a finished build into place. Several `meshlens serve` processes (a developer's, the e2e
 * suite's) may build at once, so each builds into its own folder and swaps it in with renames:
 * a server never sees a half-written `dist`.
 */
function swapIntoPlace(built: string): void {
  for (let attempt = 0; ; attempt++) {
    const old = `${built}.old${attempt}`;
    try {
      if (existsSync(webDistDir)) renameSync(webDistDir, old);
      renameSync(built, webDistDir);
      return;
    } catch (err) {
      // Another build swapped its own dist in between our two renames: go again.
      if (attempt >= 3) throw err;
    } finally {
      rmSync(old, { recursive: true, force: true });
    }
  }
}

/** Runs the workspace's own `vite build` in `apps/web`; resolves to the error text on failure. */
export function buildWebApp(): Promise<{ ok: true } | { ok: false; message: string }> {
  const viteBin = join(webAppDir, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!existsSync(viteBin)) {
    return Promise.resolve({
      ok: false,
      message: `vite is not installed (${viteBin} missing); run \`npm install\` at the repository root.`,
    });
  }
  // Inside node_modules: ignored by git, and on the same file system as dist (renames work).
  const cacheDir = join(webAppDir, 'node_modules', '.cache');
  mkdirSync(cacheDir, { recursive: true });
  const outDir = join(cacheDir, `meshlens-web-build-${process.pid}-${Date.now()}`);
  return new Promise((resolve) => {
    const args = [viteBin, 'build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'];
    const child = spawn(process.execPath, args, {
      cwd: webAppDir,
      // A test runner's NODE_ENV=test would otherwise give a development React bundle.
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', (err) => resolve({ ok: false, message: err.message }));
    child.on('close', (code) => {
      if (code !== 0) {
        rmSync(outDir, { recursive: true, force: true });
        resolve({ ok: false, message: `vite build exited with ${code}:\n${output.trim()}` });
        return;
      }
      try {
        swapIntoPlace(outDir);
        resolve({ ok: true });
      } catch (err) {
        resolve({ ok: false, message: `could not move the build into place: ${String(err)}` });
      }
    });
  });
}
