import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiErrorResponse, DemoProxyListResponse, HealthResponse } from '@meshlens/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from './startServer';

// Real HTTP on an ephemeral loopback port; the web app is a tiny stand-in build in a temp folder.
let webDir: string;
const indexMarker = '<!doctype html><title>meshlens-test-index</title>';

beforeAll(() => {
  webDir = mkdtempSync(join(tmpdir(), 'meshlens-web-'));
  mkdirSync(join(webDir, 'assets'));
  writeFileSync(join(webDir, 'index.html'), indexMarker);
  writeFileSync(join(webDir, 'assets', 'app-abc123.js'), 'console.log(1);');
});
afterAll(() => rmSync(webDir, { recursive: true, force: true }));

async function start(extra: Parameters<typeof startServer>[0] = {}): Promise<RunningServer> {
  const res = await startServer({ port: 0, webDir, ...extra });
  if (!res.ok) throw new Error(res.error.message);
  return res.server;
}

describe('meshlens server (loopback, no token)', () => {
  let srv: RunningServer;
  beforeAll(async () => {
    srv = await start();
  });
  afterAll(() => srv.close());

  it('binds 127.0.0.1 by default and answers /api/health', async () => {
    expect(srv.host).toBe('127.0.0.1');
    const res = await fetch(new URL('/api/health', srv.url));
    expect(res.status).toBe(200);
    const body = (await res.json()) as HealthResponse;
    expect(body.status).toBe('ok');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('lists the demo proxies and serves each raw config dump', async () => {
    const res = await fetch(new URL('/api/demo/proxies', srv.url));
    expect(res.status).toBe(200);
    const list = (await res.json()) as DemoProxyListResponse;
    expect(list.proxies.length).toBeGreaterThan(1);
    const podNames = new Set(list.proxies.map((p) => p.podName));
    expect(podNames.size).toBe(list.proxies.length);
    expect(list.proxies.some((p) => p.proxyType === 'router')).toBe(true);
    expect(list.proxies.some((p) => p.app === 'productpage')).toBe(true);

    const first = list.proxies[0]!;
    const dumpRes = await fetch(new URL(first.configDumpUrl, srv.url));
    expect(dumpRes.status).toBe(200);
    const dump = (await dumpRes.json()) as { configs?: unknown[] };
    expect(Array.isArray(dump.configs)).toBe(true);

    const missing = await fetch(new URL('/api/demo/proxies/no-such-pod/config_dump', srv.url));
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as ApiErrorResponse).error.code).toBe('not_found');
  });

  it('falls back to index.html for app routes, but not for missing assets', async () => {
    const res = await fetch(new URL('/some/deep/link?view=graph', srv.url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toBe(indexMarker);

    const asset = await fetch(new URL('/assets/app-abc123.js', srv.url));
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toContain('javascript');
    expect((await fetch(new URL('/assets/missing.js', srv.url))).status).toBe(404);
  });

  it('answers unknown /api paths with a JSON 404, never the app page', async () => {
    for (const path of ['/api/nope', '/api/demo/nope', '/api']) {
      const res = await fetch(new URL(path, srv.url));
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type'), path).toContain('application/json');
      const body = (await res.json()) as ApiErrorResponse;
      expect(body.error.code).toBe('not_found');
    }
  });

  it('rejects an oversized or malformed JSON body with a JSON error', async () => {
    const big = await fetch(new URL('/api/health', srv.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ x: 'a'.repeat(2 * 1024 * 1024) }),
    });
    expect(big.status).toBe(413);
    const bad = await fetch(new URL('/api/health', srv.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ApiErrorResponse).error.code).toBe('bad_request');
  });

  it('says clearly when the port is busy', async () => {
    const res = await startServer({ port: srv.port, webDir });
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('port_in_use');
      expect(res.error.message).toContain(String(srv.port));
    }
  });
});

describe('bind policy', () => {
  it('refuses a non-loopback host without a token or --insecure', async () => {
    const res = await startServer({ host: '0.0.0.0', port: 0, webDir });
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('bind_refused');
      expect(res.error.message).toContain('--auth-token');
    }
  });
});

describe('meshlens server with --auth-token', () => {
  let srv: RunningServer;
  beforeAll(async () => {
    // Loopback keeps the test off the network; the token check is the same on any host.
    srv = await start({ authToken: 's3cret-token' });
  });
  afterAll(() => srv.close());

  it('needs the bearer token on every /api call', async () => {
    const url = new URL('/api/health', srv.url);
    expect((await fetch(url)).status).toBe(401);
    const wrong = await fetch(url, { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as ApiErrorResponse).error.code).toBe('unauthorized');
    const right = await fetch(url, { headers: { authorization: 'Bearer s3cret-token' } });
    expect(right.status).toBe(200);
    const unknown = await fetch(new URL('/api/nope', srv.url));
    expect(unknown.status).toBe(401);
  });

  it('still serves the app shell so the browser can present the token', async () => {
    const res = await fetch(srv.url);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(indexMarker);
  });
});
