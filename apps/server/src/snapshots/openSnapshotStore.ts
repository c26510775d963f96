// Chooses the snapshot store from flags and environment: PostgreSQL when a database URL is given,
// else the embedded SQLite file under the data directory. Shared by `serve` and `snapshot`.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { PostgresSnapshotStore } from './PostgresSnapshotStore';
import { SqliteSnapshotStore } from './SqliteSnapshotStore';
import { storeError, type SnapshotStore, type StoreResult } from './SnapshotStore';

/** The `--data-dir` / `--database-url` flags (commander's camelCase keys). */
export interface SnapshotStoreFlags {
  dataDir?: string | undefined;
  databaseUrl?: string | undefined;
}

/** Environment variables read here (a subset of `process.env`). */
export interface SnapshotStoreEnv {
  MESHLENS_DATA_DIR?: string | undefined;
  MESHLENS_DATABASE_URL?: string | undefined;
  HOME?: string | undefined;
}

function expandHome(path: string, env: SnapshotStoreEnv): string {
  const home = env.HOME ?? homedir();
  return path === '~' ? home : path.startsWith('~/') ? join(home, path.slice(2)) : path;
}

/** `--data-dir`, else `$MESHLENS_DATA_DIR`, else `~/.meshlens` (absolute). */
export function resolveDataDir(
  flags: SnapshotStoreFlags,
  env: SnapshotStoreEnv = process.env,
): string {
  const dir = flags.dataDir || env.MESHLENS_DATA_DIR || '~/.meshlens';
  return resolve(expandHome(dir, env));
}

/**
 * The store the flags ask for. An explicit `--database-url` wins, then an explicit `--data-dir`,
 * then `$MESHLENS_DATABASE_URL`, then SQLite under `$MESHLENS_DATA_DIR` or `~/.meshlens`.
 * Nothing is opened or created here.
 */
export function openSnapshotStore(
  flags: SnapshotStoreFlags,
  env: SnapshotStoreEnv = process.env,
): StoreResult<SnapshotStore> {
  const url =
    flags.databaseUrl || (flags.dataDir ? undefined : env.MESHLENS_DATABASE_URL || undefined);
  if (url !== undefined) {
    if (!/^postgres(ql)?:\/\//i.test(url)) {
      return storeError(
        'invalid',
        'The database URL must start with postgres:// or postgresql:// (e.g. postgres://meshlens:secret@db:5432/meshlens).',
      );
    }
    return { ok: true, value: new PostgresSnapshotStore({ url }) };
  }
  return { ok: true, value: new SqliteSnapshotStore(resolveDataDir(flags, env)) };
}

/** Adds `--data-dir` and `--database-url` to a command (for `serve` and every `snapshot` subcommand). */
export function addSnapshotStoreFlags(command: Command): Command {
  return command
    .option(
      '--data-dir <dir>',
      'where saved snapshots live: an SQLite file created on the first save (default $MESHLENS_DATA_DIR or ~/.meshlens)',
    )
    .option(
      '--database-url <url>',
      'keep snapshots in PostgreSQL instead, e.g. postgres://user:pass@host:5432/db (default $MESHLENS_DATABASE_URL)',
    );
}
