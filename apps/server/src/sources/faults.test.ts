// Fault tests: every failure mode of a live source, against real local servers that misbehave.
import { afterEach, describe, expect, it } from 'vitest';
import { runProxyStatus } from '../cli/proxyStatusCommand';
import { EnvoyAdminClient } from './EnvoyAdminClient';
import { EnvoyAdminSource } from './EnvoyAdminSource';
import { DEBUG_DISABLED_ADVICE, IstiodClient } from './IstiodClient';
import { IstiodSource } from './IstiodSource';
import { formatSourceError } from './SourceError';
import { httpGet } from './httpGet';
import { parseDuration } from './parseDuration';
import { closedPort, startTestServer, stopAll } from './testServer.testing';

afterEach(stopAll);

const SERVER_INFO = (id: string): string =>
  JSON.stringify({
    state: 'LIVE',
    node: {
      id: `sidecar~10.0.0.1~${id}~default.svc.cluster.local`,
      metadata: { ISTIO_VERSION: '1.24.2' },
    },
  });

describe('live sources under faults (real local servers)', () => {
  it('connection refused: names the URL and says to start the server or port-forward', async () => {
    const port = await closedPort();
    const r = await new EnvoyAdminClient(`http://127.0.0.1:${port}`).serverInfo();
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ kind: 'refused', url: `http://127.0.0.1:${port}/server_info` });
    expect(formatSourceError(r.error)).toMatch(/connection refused.*port-forward/);
  });

  it('a server that hangs: times out after --timeout 1s, naming the URL and the timeout', async () => {
    const s = await startTestServer(() => undefined); // accepts, never answers
    const timeout = parseDuration('1s');
    if (!timeout.ok) throw new Error(timeout.message);
    const t0 = Date.now();
    const r = await new EnvoyAdminClient(s.url, { timeoutMs: timeout.ms }).configDump();
    const elapsed = Date.now() - t0;
    expect(elapsed).toBeGreaterThanOrEqual(950);
    expect(elapsed).toBeLessThan(5000); // generous: CI runs suites in parallel on 2 cores
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.kind).toBe('timeout');
    expect(r.error.url).toBe(`${s.url}/config_dump?include_eds`);
    expect(r.error.message).toContain('1s');
  });

  it('a server that sends headers and then stalls mid-body also times out', async () => {
    const s = await startTestServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"configs": [');
    });
    const r = await httpGet(`${s.url}/config_dump`, { timeoutMs: 500 });
    expect(r.ok ? 'ok' : r.error.kind).toBe('timeout');
  });

  it('meshlens proxy-status --timeout 1s against a hung istiod exits 1 with the URL and timeout', async () => {
    const s = await startTestServer(() => undefined);
    let stderr = '';
    const code = await runProxyStatus(['--istiod', s.url, '--timeout', '1s'], {
      stdout: () => undefined,
      stderr: (t) => (stderr += t),
    });
    expect(code).toBe(1);
    expect(stderr).toContain(`${s.url}/debug/syncz`);
    expect(stderr).toContain('after 1s');
  });

  it('HTTP 500 with a body: status and the start of the body in the message', async () => {
    const s = await startTestServer((_req, res) => {
      res
        .writeHead(500, { 'content-type': 'text/plain' })
        .end('admin handler crashed: out of memory\n');
    });
    const r = await new EnvoyAdminClient(s.url).clusters();
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ kind: 'http_status', status: 500 });
    expect(r.error.message).toContain('HTTP 500');
    expect(r.error.message).toContain('admin handler crashed: out of memory');
  });

  it('a malformed JSON body: error with line and column', async () => {
    // Line 3, column 18 is the second comma.
    const body = '{\n  "cluster_statuses": [\n    {"name": "a",, "host_statuses": []}\n  ]\n}\n';
    const s = await startTestServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(body),
    );
    const r = await new EnvoyAdminClient(s.url).clusters();
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ kind: 'malformed', line: 3, column: 18 });
    expect(r.error.message).toContain('line 3, column 18');
  });

  it('a malformed config dump: error with line and column from the dump reader', async () => {
    const body =
      '{\n "configs": [\n  {"@type": "type.googleapis.com/envoy.admin.v3.ClustersConfigDump"}\n  }\n]}';
    const s = await startTestServer((_req, res) => res.writeHead(200).end(body));
    const r = await new EnvoyAdminClient(s.url).configDump();
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ kind: 'malformed', line: 4 });
    expect(r.error.message).toMatch(/line 4, column \d+/);
  });

  it('a truncated body (Content-Length longer than what is sent, then the socket closes)', async () => {
    const s = await startTestServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"configs": [' + ' '.repeat(87));
      setTimeout(() => res.socket?.end(), 20);
    });
    const r = await new EnvoyAdminClient(s.url).configDump();
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.kind).toBe('truncated');
    expect(r.error.message).toContain('got 100 of 1000 bytes');
  });

  it('a reset mid-response (socket.destroy after part of a chunked body)', async () => {
    const s = await startTestServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"configs": [');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const r = await new EnvoyAdminClient(s.url).configDump();
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.kind).toBe('reset');
  });

  it('a reset before any response', async () => {
    const s = await startTestServer((req) => req.socket.destroy());
    const r = await httpGet(`${s.url}/server_info`);
    expect(r.ok ? 'ok' : r.error.kind).toBe('reset');
  });

  it('a body over the size cap is refused without reading it all', async () => {
    const s = await startTestServer((_req, res) => {
      res.writeHead(200);
      res.end('x'.repeat(10_000));
    });
    const r = await httpGet(s.url, { maxBytes: 1000 });
    expect(r.ok ? 'ok' : r.error.kind).toBe('too_large');
  });

  it('a proxy that disappears mid-fetch: the other 19 succeed, that one has its own error', async () => {
    const doomed = 7;
    const servers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        startTestServer((_req, res) => {
          if (i === doomed) {
            // The pod goes away while the fetch runs: its admin server closes, dropping the request.
            void servers[i]!.close();
            return;
          }
          setTimeout(
            () =>
              res
                .writeHead(200, { 'content-type': 'application/json' })
                .end(SERVER_INFO(`p${i}.default`)),
            30,
          );
        }),
      ),
    );
    const source = new EnvoyAdminSource(
      servers.map((s) => ({ url: s.url })),
      { timeoutMs: 5000 },
    );
    const list = await source.listProxies();
    expect(list.ok).toBe(true);
    if (!list.ok) return;
    const { proxies } = list.value;
    expect(proxies).toHaveLength(20);
    const failed = proxies.filter((p) => p.error);
    expect(failed).toHaveLength(1);
    expect(failed[0]?.error?.url).toBe(`${servers[doomed]!.url}/server_info`);
    expect(['reset', 'refused']).toContain(failed[0]?.error?.kind);
    expect(proxies.filter((p) => !p.error).map((p) => p.id)).toEqual(
      Array.from({ length: 20 }, (_, i) => `p${i}.default`).filter((_, i) => i !== doomed),
    );
  });

  it('fetches 200 proxies with bounded concurrency (at most 8 requests in flight at the server)', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    let served = 0;
    // One server stands in for 200 admin ports: each proxy's base URL carries its number in the
    // path (`/p17` + `/server_info`), so the server sees, and counts, every request.
    const s = await startTestServer((req, res) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const id = /^\/p(\d+)\/server_info$/.exec(req.url ?? '')?.[1] ?? '?';
      setTimeout(() => {
        inFlight--;
        served++;
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(SERVER_INFO(`proxy-${id}.default`));
      }, 5);
    });
    const source = new EnvoyAdminSource(
      Array.from({ length: 200 }, (_, i) => ({ url: `${s.url}/p${i}` })),
      { concurrency: 8 },
    );
    const list = await source.listProxies();
    expect(list.ok).toBe(true);
    if (!list.ok) return;
    expect(served).toBe(200);
    expect(list.value.proxies.filter((p) => !p.error)).toHaveLength(200);
    expect(list.value.proxies[199]?.id).toBe('proxy-199.default');
    expect(maxInFlight).toBeLessThanOrEqual(8);
    // And the bound is actually used: requests overlap.
    expect(maxInFlight).toBeGreaterThanOrEqual(4);
  });
});

describe('hardened istiod (debug over HTTP disabled)', () => {
  for (const status of [401, 403]) {
    it(`HTTP ${status} becomes debug_disabled with the fix spelled out`, async () => {
      const s = await startTestServer((_req, res) => res.writeHead(status).end('Unauthorized\n'));
      const r = await new IstiodClient(s.url).syncz();
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error).toMatchObject({
        kind: 'debug_disabled',
        status,
        url: `${s.url}/debug/syncz`,
        advice: DEBUG_DISABLED_ADVICE,
      });
      expect(r.error.advice).toContain('ENABLE_DEBUG_ON_HTTP=true');
      expect(r.error.advice).toContain('port-forward');
      expect(r.error.advice).toContain('istioctl x internal-debug syncz');
    });
  }

  it('a body naming ENABLE_DEBUG_ON_HTTP is recognised whatever the status', async () => {
    const s = await startTestServer((_req, res) =>
      res.writeHead(404).end('debug endpoints are disabled: set ENABLE_DEBUG_ON_HTTP=true\n'),
    );
    const r = await new IstiodClient(s.url).configz();
    expect(r.ok ? 'ok' : r.error.kind).toBe('debug_disabled');
  });

  it('IstiodSource.listProxies returns the error itself when its only istiod refuses', async () => {
    const s = await startTestServer((_req, res) => res.writeHead(403).end());
    const r = await new IstiodSource([{ url: s.url }]).listProxies();
    expect(r.ok ? 'ok' : r.error.kind).toBe('debug_disabled');
  });

  it('with two istiod instances, one refusing, lists the other and warns', async () => {
    const bad = await startTestServer((_req, res) => res.writeHead(403).end());
    const good = await startTestServer((_req, res) =>
      res
        .writeHead(200)
        .end(JSON.stringify([{ proxy: 'a-1.ns', cluster_sent: 'n', cluster_acked: 'n' }])),
    );
    const r = await new IstiodSource([
      { url: bad.url, name: 'istiod-a' },
      { url: good.url, name: 'istiod-b' },
    ]).listProxies();
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.proxies.map((p) => [p.id, p.istiod, p.sync?.CDS])).toEqual([
      ['a-1.ns', 'istiod-b', 'SYNCED'],
    ]);
    expect(r.value.warnings).toEqual([expect.stringContaining('istiod istiod-a:')]);
  });
});
