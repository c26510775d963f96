import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
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

/** Runs the workspace's own `vite build` in `apps/web`; resolves to the error text on failure. */
export function buildWebApp(): Promise<{ ok: true } | { ok: false; message: string }> {
  const viteBin = join(webAppDir, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!existsSync(viteBin)) {
    return Promise.resolve({
      ok: false,
      message: `vite is not installed (${viteBin} missing); run \`npm install\` at the repository root.`,
    });
  }
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [viteBin, 'build', '--logLevel', 'warn'], {
      cwd: webAppDir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', (err) => resolve({ ok: false, message: err.message }));
    child.on('close', (code) => {
      if (code === 0) resolve({ ok: true });
      else resolve({ ok: false, message: `vite build exited with ${code}:\n${output.trim()}` });
    });
  });
}
