// The snapshot store against a REAL PostgreSQL (Debian's `postgresql` package): the test makes its
// own cluster in a temp dir (initdb), starts it on a free loopback port, runs the common store
// suite (including a server restart between close and reopen), checks concurrent migrations, and
// stops it. Skipped, with the reason, when the binaries are missing.
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresSnapshotStore } from './PostgresSnapshotStore';
import { demoDumpTexts, describeSnapshotStore, must } from './snapshotStoreSuite.testing';

/** Debian installs the server binaries per major version, off the PATH. */
function findBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(root, versions[0], 'bin');
}

/** Root cannot run the server: run the binaries as Debian's `postgres` user then. */
function postgresUser(): { uid: number; gid: number } | undefined {
  const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) return undefined;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

const binDir = findBinDir();
const isRoot = process.getuid?.() === 0;
const pgUser = isRoot ? postgresUser() : undefined;
const skipReason =
  binDir === undefined
    ? 'no initdb under /usr/lib/postgresql/*/bin; apt-get install -y postgresql'
    : isRoot && pgUser === undefined
      ? 'running as root and there is no `postgres` user to run the server as'
      : undefined;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Runs a PostgreSQL binary (as `postgres` when we are root); throws with its output on failure. */
function pgRun(bin: string, args: string[]): void {
  const exe = join(binDir ?? '', bin);
  const [cmd, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', exe, ...args]] : [exe, args];
  const r = spawnSync(cmd, argv, {
    encoding: 'utf8',
    timeout: 30_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (r.status !== 0) {
    throw new Error(
      `${bin} ${args.join(' ')} failed (${r.status ?? r.signal ?? r.error?.message}):\n${r.stdout}${r.stderr}`,
    );
  }
}

const suite = skipReason === undefined ? describe : describe.skip;
const title =
  skipReason === undefined
    ? 'PostgreSQL snapshot store on a real server'
    : `PostgreSQL snapshot store on a real server (skipped: ${skipReason})`;

suite(title, () => {
  let dir = '';
  let port = 0;
  let url = '';

  const start = (): void => {
    const opts = `-k ${dir} -c listen_addresses=127.0.0.1 -p ${port} -c fsync=off`;
    pgRun('pg_ctl', [
      '-D',
      join(dir, 'data'),
      '-l',
      join(dir, 'server.log'),
      '-w',
      '-t',
      '20',
      '-o',
      opts,
      'start',
    ]);
  };
  const stop = (mode: 'fast' | 'immediate'): void => {
    pgRun('pg_ctl', ['-D', join(dir, 'data'), '-m', mode, '-w', '-t', '20', 'stop']);
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'meshlens-pg-'));
    if (pgUser) chownSync(dir, pgUser.uid, pgUser.gid);
    pgRun('initdb', [
      '-D',
      join(dir, 'data'),
      '-A',
      'trust',
      '-U',
      'meshlens',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
    ]);
    port = await freePort();
    start();
    url = `postgres://meshlens:unused-secret@127.0.0.1:${port}/postgres`;
  }, 60_000);

  afterAll(() => {
    try {
      if (existsSync(join(dir, 'data', 'postmaster.pid'))) stop('immediate');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describeSnapshotStore('PostgreSQL', () => ({
    open: () => new PostgresSnapshotStore({ url }),
    // A real restart of the database server, not just a new pool.
    restartDatabase: () => {
      stop('fast');
      start();
      return Promise.resolve();
    },
  }));

  it('migrates a fresh database once even when several servers start at the same moment', async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query('CREATE DATABASE fresh');
    await admin.end();
    const freshUrl = url.replace(/\/postgres$/, '/fresh');
    const stores = [0, 1, 2, 3].map(() => new PostgresSnapshotStore({ url: freshUrl }));
    try {
      const lists = await Promise.all(stores.map((s) => s.list()));
      for (const l of lists) expect(must(l)).toEqual([]);
      const saved = must(
        await stores[0]!.save({
          name: 'x',
          kind: 'upload',
          source: '',
          dump: demoDumpTexts[0] ?? '',
        }),
      );
      expect(must(await stores[3]!.get(saved.id)).dump).toBe(demoDumpTexts[0]);
      const check = new pg.Client({ connectionString: freshUrl });
      await check.connect();
      const versions = await check.query<{ version: number }>(
        'SELECT version FROM meshlens_migrations',
      );
      await check.end();
      expect(versions.rows).toEqual([{ version: 1 }]);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it('recovers by itself when the server comes back after being down', async () => {
    const store = new PostgresSnapshotStore({ url, connectTimeoutMs: 2000 });
    try {
      must(await store.list());
      stop('fast');
      const down = await store.list();
      expect(down.ok).toBe(false);
      if (!down.ok) {
        expect(down.error.code).toBe('unavailable');
        expect(down.error.message).toContain(`127.0.0.1:${port}`);
        expect(down.error.message).not.toContain('unused-secret');
      }
      start();
      expect(must(await store.list())).toEqual([]);
    } finally {
      await store.close();
    }
  });
});

describe('PostgreSQL snapshot store without a server', () => {
  it('reports a refused connection as unavailable, without the password, and never throws', async () => {
    const port = await freePort(); // nothing listens there
    const store = new PostgresSnapshotStore({
      url: `postgres://meshlens:hunter2@127.0.0.1:${port}/meshlens`,
      connectTimeoutMs: 2000,
    });
    for (const r of [
      await store.list(),
      await store.get('AAAAAAAAAAAA'),
      await store.delete('AAAAAAAAAAAA'),
    ]) {
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('unavailable');
        expect(r.error.message).toContain(`127.0.0.1:${port}`);
        expect(r.error.message).toMatch(/ECONNREFUSED/);
        expect(r.error.message).not.toContain('hunter2');
        expect(r.error.message).toContain('--database-url');
      }
    }
    await store.close();
  });
});
