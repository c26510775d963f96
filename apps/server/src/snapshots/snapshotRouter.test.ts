// The snapshot API over real HTTP (Express on a loopback port, Node's fetch), on a real SQLite store.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { stringify as toYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SnapshotListResponse, SnapshotResponse } from '@meshlens/contract';
import { createSnapshotRouter } from './snapshotRouter';
import { SqliteSnapshotStore } from './SqliteSnapshotStore';
import { demoDumpTexts } from './snapshotStoreSuite.testing';

const root = mkdtempSync(join(tmpdir(), 'meshlens-snaprouter-'));
const store = new SqliteSnapshotStore(join(root, 'data'));
// The data dir is a file: every write fails, as on a read-only or full disk.
writeFileSync(join(root, 'not-a-dir'), '');
const broken = new SqliteSnapshotStore(join(root, 'not-a-dir'));
let server: Server;
let base = '';

beforeAll(async () => {
  const app = express();
  const api = express.Router();
  api.use('/snapshots', createSnapshotRouter(store, { maxBodyBytes: 400_000 }));
  api.use('/broken', createSnapshotRouter(broken));
  // Like the real server: an API-wide parser with a small limit after the snapshot router.
  api.use(express.json({ limit: '1kb' }));
  app.use('/api', api);
  server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
  await store.close();
  rmSync(root, { recursive: true, force: true });
});

function post(path: string, body: unknown): Promise<Response> {
  return fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function errorOf(res: Response): Promise<{ code: string; message: string }> {
  return ((await res.json()) as { error: { code: string; message: string } }).error;
}

describe('snapshot API over HTTP', () => {
  it('saves, lists, opens, downloads and deletes a snapshot', async () => {
    const dump = demoDumpTexts[0] ?? '';
    expect(dump.length).toBeGreaterThan(1024); // larger than the API-wide parser would take
    const res = await post('/snapshots', {
      name: 'productpage',
      kind: 'live',
      source: 'productpage-v1.bookinfo',
      dump,
      viewState: 'view=graph&dir=inbound',
    });
    expect(res.status).toBe(201);
    const saved = (await res.json()) as SnapshotResponse;
    const id = saved.snapshot.id;
    expect(res.headers.get('location')).toBe(`/api/snapshots/${id}`);
    expect(saved.permalink).toBe(`/?snapshot=${id}`);

    const list = (await (await fetch(`${base}/snapshots`)).json()) as SnapshotListResponse;
    expect(list.snapshots.map((s) => [s.id, s.name, s.kind, s.source])).toEqual([
      [id, 'productpage', 'live', 'productpage-v1.bookinfo'],
    ]);
    expect(list.snapshots[0]).not.toHaveProperty('dump');

    const one = await fetch(`${base}/snapshots/${id}`);
    const meta = (await one.json()) as SnapshotResponse;
    expect(meta.snapshot.viewState).toBe('view=graph&dir=inbound');
    expect(meta.snapshot.dumpBytes).toBe(Buffer.byteLength(dump));
    expect(meta.snapshot).not.toHaveProperty('dump');

    const raw = await fetch(`${base}/snapshots/${id}/dump`);
    expect(raw.status).toBe(200);
    expect(raw.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await raw.text()).toBe(dump);

    expect((await fetch(`${base}/snapshots/${id}`, { method: 'DELETE' })).status).toBe(204);
    const after = await fetch(`${base}/snapshots/${id}`);
    expect(after.status).toBe(404);
    expect((await errorOf(after)).message).toContain(id);
    expect((await fetch(`${base}/snapshots/${id}/dump`)).status).toBe(404);
    expect((await fetch(`${base}/snapshots/${id}`, { method: 'DELETE' })).status).toBe(404);
  });

  it('serves a YAML dump back as YAML, unchanged', async () => {
    const yaml = toYaml(JSON.parse(demoDumpTexts[1] ?? '{}'));
    const res = await post('/snapshots', {
      name: 'yaml',
      kind: 'upload',
      source: 'dump.yaml',
      dump: yaml,
    });
    expect(res.status).toBe(201);
    const { snapshot } = (await res.json()) as SnapshotResponse;
    const raw = await fetch(`${base}/snapshots/${snapshot.id}/dump`);
    expect(raw.headers.get('content-type')).toMatch(/^application\/yaml/);
    expect(await raw.text()).toBe(yaml);
    await fetch(`${base}/snapshots/${snapshot.id}`, { method: 'DELETE' });
  });

  it('answers 413 with what to do when the dump is over the limit', async () => {
    const big = JSON.stringify({ configs: [], padding: 'x'.repeat(500_000) });
    const res = await post('/snapshots', { name: 'big', kind: 'upload', dump: big });
    expect(res.status).toBe(413);
    const err = await errorOf(res);
    expect(err.code).toBe('payload_too_large');
    expect(err.message).toContain('390.6 KB');
    expect(err.message).toContain('meshlens snapshot save');
  });

  it('refuses bodies that are not JSON, not a snapshot, or not a config dump (400, nothing stored)', async () => {
    const cases: [unknown, RegExp][] = [
      ['{"name": ', /not valid JSON/],
      [[1, 2], /JSON object/],
      [{ kind: 'upload', dump: demoDumpTexts[0] }, /"name"/],
      [{ name: 'n', kind: 'disk', dump: demoDumpTexts[0] }, /"kind"/],
      [{ name: 'n', kind: 'upload', dump: 42 }, /"dump"/],
      [{ name: 'n', kind: 'upload', dump: '{"hello": "world"}' }, /not a config dump/],
    ];
    for (const [body, why] of cases) {
      const res = await post('/snapshots', body);
      expect(res.status, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect((await errorOf(res)).message).toMatch(why);
    }
    const list = (await (await fetch(`${base}/snapshots`)).json()) as SnapshotListResponse;
    expect(list.snapshots).toEqual([]);
  });

  it('answers 404 for ids that cannot exist without asking the store', async () => {
    const res = await fetch(`${base}/snapshots/..%2F..%2Fetc`);
    expect(res.status).toBe(404);
  });

  it('reports a store that cannot write as a server error with the reason', async () => {
    const res = await post('/broken', { name: 'n', kind: 'upload', dump: demoDumpTexts[0] });
    expect(res.status).toBe(500);
    const err = await errorOf(res);
    expect(err.code).toBe('internal');
    expect(err.message).toContain('not-a-dir');
    expect(err.message).toMatch(/ENOTDIR|EEXIST/);
  });
});
