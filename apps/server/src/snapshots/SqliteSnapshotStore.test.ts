import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SQLITE_FILE_NAME, SqliteSnapshotStore } from './SqliteSnapshotStore';
import { demoDumpTexts, describeSnapshotStore, must } from './snapshotStoreSuite.testing';

const root = mkdtempSync(join(tmpdir(), 'meshlens-sqlite-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const dataDir = join(root, 'suite', 'nested'); // created by the first save
describeSnapshotStore('SQLite', () => ({ open: () => new SqliteSnapshotStore(dataDir) }));

describe('SQLite snapshot store on disk', () => {
  it('creates nothing until the first save, then one database file under the data dir', async () => {
    const dir = join(root, 'lazy');
    const store = new SqliteSnapshotStore(dir);
    expect(must(await store.list())).toEqual([]);
    expect((await store.get('AAAAAAAAAAAA')).ok).toBe(false);
    expect((await store.delete('AAAAAAAAAAAA')).ok).toBe(false);
    expect(existsSync(dir)).toBe(false);
    must(
      await store.save({ name: 'first', kind: 'upload', source: '', dump: demoDumpTexts[0] ?? '' }),
    );
    expect(readdirSync(dir)).toEqual([SQLITE_FILE_NAME]); // no lock or temp file left behind
    await store.close();
  });

  it("two stores on one file (a CLI beside a server) see and keep each other's saves", async () => {
    const dir = join(root, 'shared');
    const server = new SqliteSnapshotStore(dir);
    const cli = new SqliteSnapshotStore(dir);
    const a = must(
      await server.save({
        name: 'from server',
        kind: 'live',
        source: 'p.ns',
        dump: demoDumpTexts[0] ?? '',
      }),
    );
    expect(must(await cli.list()).map((m) => m.id)).toEqual([a.id]);
    const b = must(
      await cli.save({
        name: 'from cli',
        kind: 'upload',
        source: 'f.json',
        dump: demoDumpTexts[1] ?? '',
      }),
    );
    // The server's in-memory copy predates b: its next write must not drop b.
    const c = must(
      await server.save({
        name: 'server again',
        kind: 'live',
        source: 'p.ns',
        dump: demoDumpTexts[2] ?? '',
      }),
    );
    for (const store of [server, cli]) {
      expect(
        must(await store.list())
          .map((m) => m.id)
          .sort(),
      ).toEqual([a.id, b.id, c.id].sort());
    }
    must(await cli.delete(a.id));
    expect((await server.get(a.id)).ok).toBe(false);
    expect(must(await server.get(b.id)).dump).toBe(demoDumpTexts[1]);
    await server.close();
    await cli.close();
  });

  it('reports a file that is not a database as unavailable, naming the file and the way out', async () => {
    const dir = join(root, 'garbage');
    const store = new SqliteSnapshotStore(dir);
    must(await store.save({ name: 'x', kind: 'upload', source: '', dump: demoDumpTexts[0] ?? '' }));
    writeFileSync(join(dir, SQLITE_FILE_NAME), 'this is not sqlite '.repeat(100));
    const r = await store.list();
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('unavailable');
      expect(r.error.message).toContain(join(dir, SQLITE_FILE_NAME));
      expect(r.error.message).toContain('--data-dir');
    }
    await store.close();
  });

  it('breaks a lock left by a process that no longer exists', async () => {
    const dir = join(root, 'stale-lock');
    const store = new SqliteSnapshotStore(dir);
    must(
      await store.save({ name: 'one', kind: 'upload', source: '', dump: demoDumpTexts[0] ?? '' }),
    );
    // PID 2^22 + 1 is above Linux's pid_max default range and cannot be running.
    writeFileSync(join(dir, `${SQLITE_FILE_NAME}.lock`), `${2 ** 22 + 1} 2026-01-01T00:00:00Z\n`);
    const started = Date.now();
    must(
      await store.save({ name: 'two', kind: 'upload', source: '', dump: demoDumpTexts[1] ?? '' }),
    );
    expect(Date.now() - started).toBeLessThan(5000);
    expect(must(await store.list())).toHaveLength(2);
    await store.close();
  });
});
