// Starts the real `meshlens serve` CLI (which builds the web app when its sources changed) on a
// free loopback port, and stops it again. Used by the global setup unless MESHLENS_BASE_URL is set.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliMain, repoRoot, tsxBin } from './paths';

/** A running server started by the suite. */
export interface StartedServer {
  url: string;
  stop(): Promise<void>;
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr !== null ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) {
      resolve();
      return;
    }
    const timer = setTimeout(() => {
      // tsx runs the CLI in a child of its own; the group id reaches both.
      killGroup(child.pid, 'SIGKILL');
      resolve();
    }, 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    killGroup(child.pid, 'SIGTERM');
  });
}

function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/**
 * Runs `tsx apps/server/src/cli/main.ts serve --port <free> --no-open [...extraArgs]` and resolves
 * once it prints its "running at <url>" line. Rejects with the server's output when it exits or stalls.
 */
export async function startMeshlensServer(
  timeoutMs = 300_000,
  extraArgs: readonly string[] = [],
): Promise<StartedServer> {
  const port = await freePort();
  // Saved snapshots go to a fresh temp dir (removed on stop), never to the user's ~/.meshlens.
  const dataDir = mkdtempSync(join(tmpdir(), 'meshlens-e2e-data-'));
  const removeData = (): void => rmSync(dataDir, { recursive: true, force: true });
  const args = [
    cliMain,
    'serve',
    '--port',
    String(port),
    '--no-open',
    '--data-dir',
    dataDir,
    ...extraArgs,
  ];
  const child = spawn(tsxBin, args, {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Own process group, so stopping it also stops the node process tsx starts.
    detached: true,
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stopChild(child).then(removeData);
      reject(
        new Error(`e2e: meshlens serve did not start within ${timeoutMs / 1000}s.\n${output}`),
      );
    }, timeoutMs);
    const onData = (d: Buffer): void => {
      output += d.toString();
      const m = /running at (\S+)/.exec(output);
      if (m?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(m[1].replace(/\/$/, ''));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`e2e: could not run ${tsxBin}: ${err.message}`));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      removeData();
      reject(
        new Error(`e2e: meshlens serve exited (${code ?? signal}) before it was ready.\n${output}`),
      );
    });
  });
  // Keep draining the pipes so the server never blocks on a full stdout buffer.
  child.stdout?.resume();
  child.stderr?.resume();
  return { url, stop: () => stopChild(child).then(removeData) };
}
