#!/usr/bin/env node
// Runs the pnpm pinned in package.json's `packageManager`, installing the workspace first when
// node_modules is missing or older than the lockfile. This lets a machine with only Node and npm
// use `npm start` / `npm test` (see the README) without a global pnpm or corepack.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const pinned = String(pkg.packageManager ?? '').split('+')[0];
if (!pinned.startsWith('pnpm@')) {
  console.error('package.json must pin pnpm in "packageManager"');
  process.exit(1);
}

function pnpm(args) {
  const local = join(root, 'node_modules', '.bin', 'pnpm');
  const [cmd, argv] = existsSync(local) ? [local, args] : ['npx', ['--yes', pinned, ...args]];
  const res = spawnSync(cmd, argv, { cwd: root, stdio: 'inherit', env: process.env });
  if (res.error) {
    console.error(`could not run ${cmd}: ${res.error.message}`);
    process.exit(1);
  }
  return res.status ?? 1;
}

const marker = join(root, 'node_modules', '.modules.yaml');
const lock = join(root, 'pnpm-lock.yaml');
const stale =
  !existsSync(marker) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs);
if (stale) {
  const status = pnpm(['install', ...(process.env.CI ? ['--frozen-lockfile'] : [])]);
  if (status !== 0) process.exit(status);
}
process.exit(pnpm(process.argv.slice(2)));
