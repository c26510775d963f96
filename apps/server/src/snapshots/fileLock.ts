// A lock file beside the SQLite database, so a `meshlens snapshot save` and a running
// `meshlens serve` never write the file over each other (sql.js keeps the database in memory and
// writes it back whole: without the lock one writer would silently drop the other's snapshot).
import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';

/** A lock older than this is left over from a crashed process (writes take milliseconds). */
const STALE_MS = 30_000;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function errnoOf(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? 'error';
}

/** True when the lock's owner is gone or the lock is older than {@link STALE_MS}. */
function isStale(lockPath: string): boolean {
  try {
    const pid = Number(readFileSync(lockPath, 'utf8').split(' ')[0]);
    if (Date.now() - statSync(lockPath).mtimeMs > STALE_MS) return true;
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid) {
      try {
        process.kill(pid, 0);
      } catch (err) {
        return errnoOf(err) === 'ESRCH';
      }
    }
    return false;
  } catch {
    // Removed meanwhile (or half-written): try again.
    return false;
  }
}

/**
 * Runs `critical` (synchronous, so nothing in this process interleaves) while holding `lockPath`.
 * Resolves to `{ ok: false }` with a message when the lock stays busy for `timeoutMs`.
 */
export async function withFileLock<T>(
  lockPath: string,
  critical: () => T,
  timeoutMs = 10_000,
): Promise<{ ok: true; value: T } | { ok: false; message: string }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let fd: number;
    try {
      fd = openSync(lockPath, 'wx', 0o600);
    } catch (err) {
      if (errnoOf(err) !== 'EEXIST') {
        return { ok: false, message: `cannot create the lock file ${lockPath} (${errnoOf(err)})` };
      }
      if (isStale(lockPath)) {
        try {
          unlinkSync(lockPath);
        } catch {
          // Another process removed it first.
        }
        continue;
      }
      if (Date.now() > deadline) {
        return {
          ok: false,
          message: `the database is locked by another meshlens process (${lockPath}); retry, or delete that file if no meshlens is running`,
        };
      }
      await sleep(20);
      continue;
    }
    try {
      writeSync(fd, `${process.pid} ${new Date().toISOString()}\n`);
      closeSync(fd);
      return { ok: true, value: critical() };
    } finally {
      try {
        unlinkSync(lockPath);
      } catch {
        // Already gone (removed as stale by someone else): nothing to release.
      }
    }
  }
}
