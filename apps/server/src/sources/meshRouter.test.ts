import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { parseConfigDump } from '@meshlens/configdump';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoMeshSource } from './DemoMeshSource';
import { IstiodSource } from './IstiodSource';
import type { MeshSource } from './MeshSource';
import type {
  MeshApiErrorResponse,
  MeshIstioConfigResponse,
  MeshServicesResponse,
  MeshProxiesResponse,
  MeshStatusResponse,
  MeshSyncDiffResponse,
} from './meshApi';
import { createMeshRouter } from './meshRouter';
import { startTestServer, stopAll } from './testServer.testing';

/** Mounts the router exactly as the server would (`/api/mesh`) on a real listening Express app. */
async function serve(source: MeshSource): Promise<{ base: string; server: Server }> {
  const app = express();
  app.use('/api/mesh', createMeshRouter(source));
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/mesh`, server };
}

describe('createMeshRouter over the demo simulator', () => {
  let source: DemoMeshSource;
  let base: string;
  let server: Server;
  let proxies: MeshProxiesResponse['proxies'];
  beforeAll(async () => {
    source = await DemoMeshSource.start({ timeoutMs: 5000 });
    ({ base, server } = await serve(source));
    const body = (await (await fetch(`${base}/proxies`)).json()) as MeshProxiesResponse;
    proxies = body.proxies;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await source.close();
  });

  it('GET /proxies lists every proxy with its sync state and the source', async () => {
    const res = await fetch(`${base}/proxies`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as MeshProxiesResponse;
    expect(body.source.kind).toBe('demo');
    expect(body.proxies.map((p) => p.id).sort()).toEqual(
      source.simulator.proxies.map((p) => p.id).sort(),
    );
    expect(
      body.proxies.every((p) => p.sync !== undefined && p.istiod === source.simulator.istiodName),
    ).toBe(true);
  });

  it('GET /proxies/:id/config_dump returns the Envoy dump text, and ?from=istiod the istiod one', async () => {
    const id = proxies.find((p) => p.name.startsWith('reviews-v2-'))!.id;
    const envoy = await fetch(`${base}/proxies/${id}/config_dump`);
    expect(envoy.headers.get('content-type')).toMatch(/application\/json/);
    const envoyText = await envoy.text();
    const istiodText = await (await fetch(`${base}/proxies/${id}/config_dump?from=istiod`)).text();
    expect(envoyText).not.toBe(istiodText);
    const parsed = parseConfigDump(envoyText);
    expect(parsed.ok && `${parsed.dump.node?.podName}.${parsed.dump.node?.namespace}`).toBe(id);
  });

  it('GET /proxies/:id/sync-diff shows the one differing cluster of the stale proxy, none elsewhere', async () => {
    for (const p of proxies) {
      const body = (await (
        await fetch(`${base}/proxies/${p.id}/sync-diff`)
      ).json()) as MeshSyncDiffResponse;
      const stale = p.sync?.CDS === 'STALE';
      expect(body.inSync).toBe(!stale);
      expect(body.counts.different).toBe(stale ? 1 : 0);
      expect(body.counts.same).toBeGreaterThan(10);
    }
  });

  it('GET /proxies/:id/clusters returns Envoy /clusters?format=json', async () => {
    const res = await fetch(`${base}/proxies/${proxies[0]!.id}/clusters`);
    const body = (await res.json()) as { cluster_statuses: unknown[] };
    expect(body.cluster_statuses.length).toBeGreaterThan(3);
  });

  it('GET /status counts synced and stale proxies', async () => {
    const body = (await (await fetch(`${base}/status`)).json()) as MeshStatusResponse;
    expect(body).toMatchObject({ reachable: true, proxies: proxies.length });
    expect(body.counts).toEqual({
      synced: proxies.length - 1,
      stale: 1,
      error: 0,
      unreachable: 0,
      unknown: 0,
    });
  });

  it('GET /services and /config serve the registry and the Istio config of the simulated istiod', async () => {
    const services = (await (await fetch(`${base}/services`)).json()) as MeshServicesResponse;
    expect(services.services.map((s) => s.hostname)).toContain(
      'reviews.bookinfo.svc.cluster.local',
    );
    const config = (await (await fetch(`${base}/config`)).json()) as MeshIstioConfigResponse;
    const kinds = new Set(config.objects.map((o) => o.kind));
    expect(kinds).toEqual(new Set(['VirtualService', 'DestinationRule', 'Gateway']));
  });

  it('rejects a malformed proxy id with 400 and an unknown one with 404', async () => {
    for (const bad of ['UPPER.case', 'a..b', '%2e%2e%2fetc', 'no-namespace']) {
      const res = await fetch(`${base}/proxies/${bad}/config_dump`);
      expect(res.status, bad).toBe(400);
      expect(((await res.json()) as MeshApiErrorResponse).error.code).toBe('bad_request');
    }
    const res = await fetch(`${base}/proxies/ghost-1.bookinfo/sync-diff`);
    expect(res.status).toBe(404);
  });
});

describe('createMeshRouter with a failing upstream', () => {
  afterAll(stopAll);
  it('a hung istiod gives 504 with the upstream URL and advice', async () => {
    const hung = await startTestServer(() => undefined);
    const source = new IstiodSource([{ url: hung.url }], { timeoutMs: 300 });
    const { base, server } = await serve(source);
    try {
      const res = await fetch(`${base}/proxies`);
      expect(res.status).toBe(504);
      const body = (await res.json()) as MeshApiErrorResponse;
      expect(body.error.code).toBe('upstream');
      expect(body.error.source).toMatchObject({ kind: 'timeout', url: `${hung.url}/debug/syncz` });
      const status = (await (await fetch(`${base}/status`)).json()) as MeshStatusResponse;
      expect(status.reachable).toBe(false);
      expect(status.error?.kind).toBe('timeout');
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
