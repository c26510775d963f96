// `GET /api/capabilities` announces the snapshot store only when the server has one (the web app
// hides every snapshot action otherwise). Real server on a loopback port, real SQLite store.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CapabilitiesResponse } from '@meshlens/contract';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../server/startServer';
import { SqliteSnapshotStore } from './SqliteSnapshotStore';

const root = mkdtempSync(join(tmpdir(), 'meshlens-snapcaps-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function capabilitiesOf(
  snapshots: SqliteSnapshotStore | undefined,
): Promise<CapabilitiesResponse> {
  const started = await startServer({ port: 0, webDir: '/nonexistent', snapshots });
  if (!started.ok) throw new Error(started.error.message);
  try {
    const res = await fetch(new URL('api/capabilities', started.server.url));
    expect(res.status).toBe(200);
    return (await res.json()) as CapabilitiesResponse;
  } finally {
    await started.server.close();
  }
}

describe('capabilities: snapshots', () => {
  it('names the SQLite store and its file, and creates nothing by being asked', async () => {
    const dataDir = join(root, 'data');
    const store = new SqliteSnapshotStore(dataDir);
    const caps = await capabilitiesOf(store);
    await store.close();
    expect(caps.snapshots?.store).toBe('sqlite');
    expect(caps.snapshots?.description).toContain(dataDir);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('is absent when the server has no store', async () => {
    const caps = await capabilitiesOf(undefined);
    expect(caps).not.toHaveProperty('snapshots');
    expect(caps.maxUploadBytes).toBeGreaterThan(0);
  });
});
