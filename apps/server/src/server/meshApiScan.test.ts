import { parseConfigDump } from '@meshlens/configdump';
import type {
  MeshProxiesResponse,
  MeshScanProxyResult,
  MeshScanResponse,
} from '@meshlens/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoMeshSource } from '../sources/DemoMeshSource';
import { type RunningServer, startServer } from './startServer';

// The scan endpoints of the whole server over real HTTP, reading the live demo mesh simulator
// (simulated istiod + Envoy admins on loopback), behind a bearer token like `--auth-token`.
const token = 'scan-test-token';
let source: DemoMeshSource;
let srv: RunningServer;
beforeAll(async () => {
  source = await DemoMeshSource.start({ timeoutMs: 10_000, concurrency: 2 });
  const res = await startServer({
    port: 0,
    webDir: '/nonexistent',
    meshSource: source,
    authToken: token,
  });
  if (!res.ok) throw new Error(res.error.message);
  srv = res.server;
});
afterAll(async () => {
  await srv.close();
  await source.close();
});

async function call<T>(method: string, path: string): Promise<{ status: number; body: T }> {
  const res = await fetch(new URL(path, srv.url), {
    method,
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: res.status, body: (await res.json()) as T };
}

describe('/api/mesh/scan over the demo mesh simulator', () => {
  it('needs the token like every /api call', async () => {
    const res = await fetch(new URL('/api/mesh/scan', srv.url), { method: 'POST' });
    expect(res.status).toBe(401);
  });

  it('starts, joins, reports progress through the cursor, and summarises every proxy', async () => {
    const before = await call<MeshScanResponse>('GET', '/api/mesh/scan');
    expect(before.body.scan).toBeNull();

    const started = await call<MeshScanResponse>('POST', '/api/mesh/scan');
    expect(started.status).toBe(202);
    expect(started.body.joined).toBe(false);
    expect(started.body.scan?.concurrency).toBe(2);
    const joined = await call<MeshScanResponse>('POST', '/api/mesh/scan');
    expect(joined.status).toBe(200);
    expect(joined.body).toMatchObject({ joined: true, scan: { id: started.body.scan?.id } });

    // Poll like the web app: only what finished since the last cursor.
    const results: MeshScanProxyResult[] = [];
    let next = 0;
    let state = 'running';
    for (let i = 0; i < 600 && state === 'running'; i++) {
      const { body } = await call<MeshScanResponse>('GET', `/api/mesh/scan?since=${next}`);
      if (!body.scan) throw new Error('the scan disappeared');
      results.push(...body.scan.results);
      next = body.scan.next;
      state = body.scan.state;
      expect(body.scan.current.length).toBeLessThanOrEqual(2);
      if (state === 'running') await new Promise((r) => setTimeout(r, 50));
    }
    expect(state).toBe('done');

    const list = await call<MeshProxiesResponse>('GET', '/api/mesh/proxies');
    expect(results.map((r) => r.id).sort()).toEqual(list.body.proxies.map((p) => p.id).sort());
    const final = await call<MeshScanResponse>('GET', '/api/mesh/scan');
    expect(final.body.scan).toMatchObject({
      total: list.body.proxies.length,
      done: list.body.proxies.length,
      failed: 0,
    });
    const sumBytes = results.reduce((s, r) => s + (r.summary?.dumpBytes ?? 0), 0);
    expect(final.body.scan?.bytes).toBe(sumBytes);

    // A summary agrees with the dump the API serves for that proxy.
    const one = results[0]!;
    const dumpRes = await fetch(
      new URL(`/api/mesh/proxies/${encodeURIComponent(one.id)}/config_dump`, srv.url),
      { headers: { authorization: `Bearer ${token}` } },
    );
    const text = await dumpRes.text();
    const parsed = parseConfigDump(text);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(one.summary).toMatchObject({
      dumpBytes: Buffer.byteLength(text),
      clusters: parsed.dump.clusters.length,
      listeners: parsed.dump.listeners.length,
      routes: parsed.dump.routeConfigs.length,
      secrets: parsed.dump.secrets.length,
      istioVersion: parsed.dump.node?.istioVersion,
    });
  });

  it('cancel stops a running scan; the next POST starts a new one', async () => {
    const started = await call<MeshScanResponse>('POST', '/api/mesh/scan');
    const cancelled = await call<MeshScanResponse>('POST', '/api/mesh/scan/cancel');
    expect(cancelled.body.scan?.state).toBe('cancelling');
    let scan = cancelled.body.scan;
    for (let i = 0; i < 600 && scan?.state === 'cancelling'; i++) {
      await new Promise((r) => setTimeout(r, 20));
      scan = (await call<MeshScanResponse>('GET', '/api/mesh/scan')).body.scan;
    }
    expect(scan?.state).toBe('cancelled');
    expect(scan?.done).toBeLessThan(source.simulator.proxies.length);
    const again = await call<MeshScanResponse>('POST', '/api/mesh/scan');
    expect(again.body.joined).toBe(false);
    expect(again.body.scan?.id).toBe((started.body.scan?.id ?? 0) + 1);
  });
});
