// `meshlens snapshot ...` on a real SQLite store in a temp data dir, plus one run of the real CLI
// process to prove the command is registered and shares the file with an open store.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import {
  runSnapshotDelete,
  runSnapshotDiff,
  runSnapshotExport,
  runSnapshotList,
  runSnapshotSave,
  runSnapshotShow,
  type SnapshotIo,
} from '../cli/snapshotCommand';
import { SqliteSnapshotStore } from './SqliteSnapshotStore';
import { demoDumpTexts, must } from './snapshotStoreSuite.testing';

const root = mkdtempSync(join(tmpdir(), 'meshlens-snapcli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function capture(): SnapshotIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (s) => stdout.push(s), err: (s) => stderr.push(s) };
}

const first = join(root, 'productpage.json');
writeFileSync(first, demoDumpTexts[0] ?? '');
const secondGz = join(root, 'reviews.json.gz');
writeFileSync(secondGz, gzipSync(demoDumpTexts[1] ?? ''));

describe('meshlens snapshot', () => {
  const store = new SqliteSnapshotStore(join(root, 'data'));
  afterAll(() => store.close());

  it('saves files (gzipped ones as their text), lists, shows, exports byte for byte and deletes', async () => {
    const io = capture();
    expect(await runSnapshotSave(store, { file: first, name: 'pp', view: 'view=graph' }, io)).toBe(
      0,
    );
    expect(
      await runSnapshotSave(
        store,
        { file: secondGz, name: 'rv', kind: 'live', source: 'reviews-v1.bookinfo' },
        io,
      ),
    ).toBe(0);
    const [idA, idB] = io.stdout;
    expect(idA).toMatch(/^[\w-]{12}$/);
    expect(io.stderr[0]).toContain(`/?snapshot=${idA}`);

    const list = capture();
    expect(await runSnapshotList(store, {}, list)).toBe(0);
    expect(list.stdout.join('')).toMatch(new RegExp(`${idB}\\s+rv\\s+live\\s+reviews-v1.bookinfo`));
    const json = capture();
    await runSnapshotList(store, { json: true }, json);
    expect((JSON.parse(json.stdout.join('')) as { id: string }[]).map((m) => m.id).sort()).toEqual(
      [idA, idB].sort(),
    );

    const show = capture();
    expect(await runSnapshotShow(store, idA ?? '', {}, show)).toBe(0);
    expect(show.stdout.join('')).toContain('view state: view=graph');
    expect(show.stdout.join('')).toContain(`source:     ${first}`);

    const out = join(root, 'exported.json');
    expect(await runSnapshotExport(store, idB ?? '', { out }, capture())).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(demoDumpTexts[1]);

    expect(await runSnapshotDelete(store, idA ?? '', capture())).toBe(0);
    const gone = capture();
    expect(await runSnapshotShow(store, idA ?? '', {}, gone)).toBe(1);
    expect(gone.stderr.join('')).toContain(`No snapshot ${idA}`);
    must(await store.delete(idB ?? ''));
  });

  it('refuses files that are missing or not config dumps, and stores nothing', async () => {
    const junk = join(root, 'junk.json');
    writeFileSync(junk, '{"hello": "world"}');
    for (const file of [join(root, 'missing.json'), junk]) {
      const io = capture();
      expect(await runSnapshotSave(store, { file, name: 'x' }, io)).toBe(1);
      expect(io.stderr.join('')).toContain(file);
    }
    const bad = capture();
    expect(await runSnapshotSave(store, { file: first, name: 'x', kind: 'disk' }, bad)).toBe(1);
    expect(bad.stderr.join('')).toContain('--kind');
    expect(must(await store.list())).toEqual([]);
  });

  it('diffs two snapshots with the semantic diff: 0 when equal, 1 with the changes when not', async () => {
    const a = must(
      await store.save({ name: 'a', kind: 'upload', source: '', dump: demoDumpTexts[0] ?? '' }),
    );
    // Same config, keys re-serialised without indentation: semantically identical.
    const same = JSON.stringify(JSON.parse(demoDumpTexts[0] ?? '{}'));
    const b = must(await store.save({ name: 'b', kind: 'upload', source: '', dump: same }));
    const c = must(
      await store.save({ name: 'c', kind: 'upload', source: '', dump: demoDumpTexts[1] ?? '' }),
    );
    expect(await runSnapshotDiff(store, [a.id, b.id], {}, capture())).toBe(0);
    const io = capture();
    expect(await runSnapshotDiff(store, [a.id, c.id], {}, io)).toBe(1);
    const text = io.stdout.join('');
    expect(text).toContain(`--- a (${a.id}`);
    expect(text).toContain(`+++ c (${c.id}`);
    const missing = capture();
    expect(await runSnapshotDiff(store, [a.id, 'AAAAAAAAAAAA'], {}, missing)).toBe(2);
    for (const s of [a, b, c]) must(await store.delete(s.id));
  });

  it('runs as `meshlens snapshot list` in its own process, reading what this process saved', async () => {
    const meta = must(
      await store.save({
        name: 'seen by the cli',
        kind: 'upload',
        source: '',
        dump: demoDumpTexts[2] ?? '',
      }),
    );
    const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
    const r = spawnSync(
      join(repo, 'node_modules/.bin/tsx'),
      [
        join(repo, 'apps/server/src/cli/main.ts'),
        'snapshot',
        'list',
        '--data-dir',
        join(root, 'data'),
      ],
      { encoding: 'utf8', timeout: 60_000, env: { ...process.env, MESHLENS_DATABASE_URL: '' } },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`${meta.id}\\s+seen by the cli\\s+upload`));
    must(await store.delete(meta.id));
  });
});
