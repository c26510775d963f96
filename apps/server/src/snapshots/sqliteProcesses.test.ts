// Several processes saving into one SQLite data dir at once (a CLI loop beside a server): the file
// lock must serialise their read-modify-write cycles so that no save is lost.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteSnapshotStore } from './SqliteSnapshotStore';
import { demoDumpTexts, must } from './snapshotStoreSuite.testing';

const here = dirname(fileURLToPath(import.meta.url));
const tsx = resolve(here, '../../../../node_modules/.bin/tsx');
const root = mkdtempSync(join(tmpdir(), 'meshlens-sqlite-procs-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function run(script: string, args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(tsx, [script, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => done({ code, stderr }));
  });
}

describe('SQLite store shared by several processes', () => {
  it('keeps every save when three processes save 15 snapshots each at the same time', async () => {
    const dataDir = join(root, 'data');
    const dumpFile = join(root, 'dump.json');
    writeFileSync(dumpFile, demoDumpTexts[0] ?? '');
    const script = join(root, 'saver.mts');
    writeFileSync(
      script,
      `import { readFileSync } from 'node:fs';
import { SqliteSnapshotStore } from ${JSON.stringify(join(here, 'SqliteSnapshotStore.ts'))};
const [dir, file, who] = process.argv.slice(2);
const store = new SqliteSnapshotStore(dir);
const dump = readFileSync(file, 'utf8');
for (let i = 0; i < 15; i++) {
  const r = await store.save({ name: who + '-' + i, kind: 'upload', source: '', dump });
  if (!r.ok) { console.error(r.error.message); process.exit(1); }
}
`,
    );
    const results = await Promise.all(
      ['a', 'b', 'c'].map((who) => run(script, [dataDir, dumpFile, who])),
    );
    for (const r of results) expect(r, r.stderr).toEqual({ code: 0, stderr: '' });
    const store = new SqliteSnapshotStore(dataDir);
    const names = must(await store.list()).map((m) => m.name);
    await store.close();
    expect(names).toHaveLength(45);
    for (const who of ['a', 'b', 'c']) {
      for (let i = 0; i < 15; i++) expect(names).toContain(`${who}-${i}`);
    }
  });
});
