import type {
  ApiErrorResponse,
  BugReportUploadResponse,
  CapabilitiesResponse,
  MeshProxiesResponse,
  MeshSyncDiffResponse,
} from '@meshlens/contract';
import { generateDemoMesh } from '@meshlens/demo-mesh';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoMeshSource } from '../sources/DemoMeshSource';
import { writeTarGz } from '../sources/bugReport/writeTar.testing';
import { demoSyncz } from '../sources/demo/istiodDebugData';
import { type RunningServer, startServer } from './startServer';

// The whole server (createServer + startServer) over real HTTP, with the live demo simulator as
// its mesh source: the same wiring `meshlens serve` does with no source flags.
let source: DemoMeshSource;
beforeAll(async () => {
  source = await DemoMeshSource.start({ timeoutMs: 5000 });
});
afterAll(() => source.close());

async function start(extra: Parameters<typeof startServer>[0] = {}): Promise<RunningServer> {
  const res = await startServer({ port: 0, webDir: '/nonexistent', meshSource: source, ...extra });
  if (!res.ok) throw new Error(res.error.message);
  return res.server;
}

/** A bug-report archive laid out like istioctl's, from the demo mesh. */
function bugReport(): Buffer {
  const mesh = generateDemoMesh();
  const files: Record<string, string> = {
    'bug-report/istio/istio-system/istiod-1/debug/syncz': JSON.stringify(demoSyncz(mesh)),
  };
  for (const p of mesh.proxies) {
    files[
      `bug-report/cluster/${mesh.clusterId}/${p.namespace}/${p.podName}/istio-proxy/config_dump.json`
    ] = JSON.stringify(p.dump);
  }
  return writeTarGz(files);
}

describe('meshlens server with the demo mesh source', () => {
  let srv: RunningServer;
  beforeAll(async () => {
    srv = await start({ maxUploadBytes: 256 * 1024 });
  });
  afterAll(() => srv.close());

  it('announces the mesh source and the upload limit in /api/capabilities', async () => {
    const body = (await (
      await fetch(new URL('/api/capabilities', srv.url))
    ).json()) as CapabilitiesResponse;
    expect(body.mesh?.kind).toBe('demo');
    expect(body.mesh?.targets).toContain(source.simulator.istiodUrl);
    expect(body.maxUploadBytes).toBe(256 * 1024);
  });

  it('serves /api/mesh/proxies as the source lists them, reviews-v2 stale', async () => {
    const res = await fetch(new URL('/api/mesh/proxies', srv.url));
    expect(res.status).toBe(200);
    const body = (await res.json()) as MeshProxiesResponse;
    const direct = await source.listProxies();
    if (!direct.ok) throw new Error(direct.error.message);
    expect(body.proxies.map((p) => [p.id, p.sync])).toEqual(
      direct.value.proxies.map((p) => [p.id, p.sync]),
    );
    expect(body.proxies).toHaveLength(7);
    const stale = body.proxies.filter((p) =>
      Object.values(p.sync ?? {}).some((s) => s.startsWith('STALE')),
    );
    expect(stale.map((p) => p.name)).toEqual([expect.stringMatching(/^reviews-v2-/)]);
  });

  it('serves a proxy config dump and the istiod vs Envoy diff through the server', async () => {
    const list = (await (
      await fetch(new URL('/api/mesh/proxies', srv.url))
    ).json()) as MeshProxiesResponse;
    const reviews = list.proxies.find((p) => p.name.startsWith('reviews-v2-'))!;
    const dump = await fetch(new URL(`/api/mesh/proxies/${reviews.id}/config_dump`, srv.url));
    expect(dump.status).toBe(200);
    expect(((await dump.json()) as { configs: unknown[] }).configs.length).toBeGreaterThan(3);
    const diff = (await (
      await fetch(new URL(`/api/mesh/proxies/${reviews.id}/sync-diff`, srv.url))
    ).json()) as MeshSyncDiffResponse;
    expect(diff.inSync).toBe(false);
    expect(diff.entries.some((e) => e.kind === 'cluster' && e.status !== 'same')).toBe(true);
    const bad = await fetch(new URL('/api/mesh/proxies/..%2Fetc/config_dump', srv.url));
    expect(bad.status).toBe(400);
  });

  it('answers an upload over --max-upload with a 413 naming the limit and the flag', async () => {
    const res = await fetch(new URL('/api/bug-report?name=big.tar.gz', srv.url), {
      method: 'POST',
      headers: { 'content-type': 'application/gzip' },
      body: new Uint8Array(257 * 1024),
    });
    expect(res.status).toBe(413);
    const body = (await res.json()) as ApiErrorResponse;
    expect(body.error.code).toBe('payload_too_large');
    expect(body.error.message).toContain('256 KB');
    expect(body.error.message).toContain('--max-upload');
  });

  it('opens an uploaded bug-report archive as a mesh under its own base path', async () => {
    const archive = bugReport();
    expect(archive.length).toBeLessThan(256 * 1024);
    const res = await fetch(new URL('/api/bug-report?name=report.tar.gz', srv.url), {
      method: 'POST',
      headers: { 'content-type': 'application/gzip' },
      body: new Uint8Array(archive),
    });
    expect(res.status).toBe(201);
    const up = (await res.json()) as BugReportUploadResponse;
    expect(up.source.kind).toBe('bug-report');
    expect(up.proxies).toBe(7);
    const list = (await (
      await fetch(new URL(`${up.basePath}/proxies`, srv.url))
    ).json()) as MeshProxiesResponse;
    expect(list.proxies.filter((p) => p.sync?.CDS === 'STALE').map((p) => p.name)).toEqual([
      expect.stringMatching(/^reviews-v2-/),
    ]);
    const notTar = await fetch(new URL('/api/bug-report', srv.url), {
      method: 'POST',
      body: 'hello',
    });
    expect(notTar.status).toBe(400);
    expect(((await notTar.json()) as ApiErrorResponse).error.message).toContain('tar');
    expect((await fetch(new URL('/api/bug-report/br999/proxies', srv.url))).status).toBe(404);
  });
});

describe('meshlens server with a mesh source and --auth-token', () => {
  let srv: RunningServer;
  beforeAll(async () => {
    srv = await start({ authToken: 'mesh-token' });
  });
  afterAll(() => srv.close());

  it('requires the token on /api/mesh and on uploads', async () => {
    const url = new URL('/api/mesh/proxies', srv.url);
    const anon = await fetch(url);
    expect(anon.status).toBe(401);
    expect(((await anon.json()) as ApiErrorResponse).error.code).toBe('unauthorized');
    expect((await fetch(url, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    const ok = await fetch(url, { headers: { authorization: 'Bearer mesh-token' } });
    expect(ok.status).toBe(200);
    expect(
      (await fetch(new URL('/api/bug-report', srv.url), { method: 'POST', body: 'x' })).status,
    ).toBe(401);
  });
});

describe('meshlens server without a mesh source', () => {
  it('has no /api/mesh and says so in /api/capabilities', async () => {
    const res = await startServer({ port: 0, webDir: '/nonexistent' });
    if (!res.ok) throw new Error(res.error.message);
    try {
      const caps = (await (
        await fetch(new URL('/api/capabilities', res.server.url))
      ).json()) as CapabilitiesResponse;
      expect(caps.mesh).toBeUndefined();
      expect((await fetch(new URL('/api/mesh/proxies', res.server.url))).status).toBe(404);
    } finally {
      await res.server.close();
    }
  });
});
