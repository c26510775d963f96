import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiRequestError, captureTokenFromHash, getJson, postBlob } from './apiClient';

// The browser globals the client touches, over a real local HTTP server: `fetch` is Node's own,
// only resolved against the server's origin (the page would resolve `/api/...` the same way).
let server: Server;
let origin: string;
const seen: { method: string; url: string; headers: IncomingHttpHeaders }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    req.resume();
    if (req.url === '/api/bug-report') {
      res.writeHead(413, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ error: { code: 'payload_too_large', message: 'over --max-upload' } }),
      );
    } else if (req.url === '/api/mesh/proxies') {
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          error: {
            code: 'upstream',
            message: 'istiod down',
            source: {
              kind: 'refused',
              url: 'http://127.0.0.1:1/debug/syncz',
              message: 'refused',
              advice: 'start it',
            },
          },
        }),
      );
    } else {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const storage = new Map<string, string>();
  vi.stubGlobal('window', {
    location: { hash: '#token=s%3Dcret', pathname: '/', search: '?mesh' },
    history: { state: null, replaceState: vi.fn() },
    sessionStorage: {
      getItem: (k: string) => storage.get(k) ?? null,
      setItem: (k: string, v: string) => storage.set(k, v),
    },
  });
  const realFetch = globalThis.fetch;
  vi.stubGlobal('fetch', (path: string, init?: RequestInit) => realFetch(origin + path, init));
});

afterAll(() => {
  vi.unstubAllGlobals();
  server.close();
});

describe('apiClient', () => {
  it('takes the token from the #token= fragment, drops it from the address bar, and sends it on every call', async () => {
    captureTokenFromHash();
    expect(window.history.replaceState).toHaveBeenCalledWith(null, '', '/?mesh');
    await getJson('/api/capabilities');
    await postBlob('/api/bug-report', new Blob(['x'])).catch(() => undefined);
    expect(seen.map((r) => [r.method, r.headers.authorization])).toEqual([
      ['GET', 'Bearer s=cret'],
      ['POST', 'Bearer s=cret'],
    ]);
  });

  it('turns error bodies into ApiRequestError with the status, message and source failure', async () => {
    const upload = await postBlob('/api/bug-report', new Blob(['x'])).catch((e: unknown) => e);
    expect(upload).toBeInstanceOf(ApiRequestError);
    expect((upload as ApiRequestError).status).toBe(413);
    expect((upload as ApiRequestError).message).toBe('over --max-upload');
    const list = await getJson('/api/mesh/proxies').catch((e: unknown) => e);
    expect((list as ApiRequestError).status).toBe(502);
    expect((list as ApiRequestError).source?.url).toBe('http://127.0.0.1:1/debug/syncz');
  });
});
