// `meshlens proxy-status` against istioctl's proxy-status goldens and a real istiod syncz capture.
//
// The istioctl 1.4 goldens (proxy-status-istio14/*.txt) were produced by Go tests whose inputs are
// Go structs, not files. The syncz inputs below were reconstructed from the goldens' semantics
// (istioctl's rule per xDS type: sent == acked -> SYNCED; nothing sent -> NOT SENT; nothing acked ->
// STALE (Never Acknowledged); else STALE; `*` after VERSION = only `proxy_version` was known), in
// the JSON field names of the 1.1-era pilot `/debug/syncz`. The nonces are arbitrary values.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runProxyStatus } from '../../apps/server/src/cli/proxyStatusCommand';
import { createMeshSource } from '../../apps/server/src/sources/createMeshSource';
import { startMeshApiServer } from '../../apps/server/src/sources/startMeshApiServer';
import type {
  MeshIstioConfigResponse,
  MeshProxiesResponse,
  MeshServicesResponse,
  MeshStatusResponse,
} from '../../apps/server/src/sources/meshApi';
import { describeFixtures, fixture } from './fixtures';

const N1 = '2009-11-10 23:00:00 +0000 UTC m=+0.000000001';
const N2 = '2009-11-10 22:00:00 +0000 UTC m=+0.000000001';

/** proxy1 on pilot1: CDS STALE, LDS SYNCED, EDS SYNCED, RDS NOT SENT. */
const proxy1 = {
  proxy: 'proxy1',
  istio_version: '1.1',
  cluster_sent: N1,
  cluster_acked: N2,
  listener_sent: N1,
  listener_acked: N1,
  endpoint_sent: N1,
  endpoint_acked: N1,
  route_sent: '',
  route_acked: '',
};
/** proxy2 on pilot2: CDS STALE, LDS SYNCED, EDS STALE, RDS SYNCED. */
const proxy2 = {
  proxy: 'proxy2',
  istio_version: '1.1',
  cluster_sent: N1,
  cluster_acked: N2,
  listener_sent: N1,
  listener_acked: N1,
  endpoint_sent: N1,
  endpoint_acked: N2,
  route_sent: N1,
  route_acked: N1,
};
/** proxy3 on pilot3: CDS STALE (Never Acknowledged), LDS NOT SENT, EDS STALE (Never Acknowledged), RDS SYNCED. */
const proxy3 = {
  proxy: 'proxy3',
  istio_version: '1.1',
  cluster_sent: N1,
  cluster_acked: '',
  listener_sent: '',
  listener_acked: N1,
  endpoint_sent: N1,
  endpoint_acked: '',
  route_sent: N1,
  route_acked: N1,
};
/** proxy2 as a 1.1 pilot reported it: no istio_version, only proxy_version. */
const { istio_version: _dropped, ...proxy2NoIstioVersion } = proxy2;
const proxy2Fallback = { ...proxy2NoIstioVersion, proxy_version: '1.1' };

const dir = mkdtempSync(join(tmpdir(), 'meshlens-proxy-status-'));
const servers: http.Server[] = [];
// Servers are closed with their open keep-alive connections, so the suite ends promptly.
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await Promise.all(
    servers.map((s) => {
      s.closeAllConnections();
      return new Promise((resolve) => s.close(resolve));
    }),
  );
});

function file(name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
}

/** A real local HTTP server answering `/debug/syncz` with `body`; returns its base URL. */
async function istiod(body: string): Promise<string> {
  const server = http.createServer((req, res) => {
    if (req.url === '/debug/syncz')
      res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    else res.writeHead(404).end('404 page not found\n');
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runProxyStatus(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  return { code, stdout, stderr };
}

// The goldens end in one or two newlines; the Go test compared trimmed text, so do we.
const golden = (name: string): string =>
  readFileSync(fixture('istioctl-golden/proxy-status-istio14', name), 'utf8').trimEnd();

describeFixtures(
  'meshlens proxy-status reproduces the istioctl 1.4 goldens (--legacy-columns)',
  () => {
    it('multiStatusMultiPilot: three pilots served over HTTP, PILOT column per proxy', async () => {
      const [u1, u2, u3] = await Promise.all([
        istiod(JSON.stringify([proxy1])),
        istiod(JSON.stringify([proxy2])),
        istiod(JSON.stringify([proxy3])),
      ]);
      // Pilots listed out of order: rows must still come out sorted by proxy.
      const r = await run([
        '--legacy-columns',
        '--istiod',
        `pilot3=${u3}`,
        '--istiod',
        `pilot1=${u1}`,
        '--istiod',
        `pilot2=${u2}`,
      ]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout.trimEnd()).toBe(golden('multiStatusMultiPilot.txt'));
    });

    it('multiStatusSinglePilot: two proxies from one saved syncz file', async () => {
      const r = await run([
        '--legacy-columns',
        '--file',
        `pilot1=${file('single.json', [proxy2, { ...proxy1 }])}`,
      ]);
      expect(r.code).toBe(0);
      expect(r.stdout.trimEnd()).toBe(golden('multiStatusSinglePilot.txt'));
    });

    it('singleStatus: proxy-status <proxy> over the multi-pilot input', async () => {
      const r = await run([
        '--legacy-columns',
        '--file',
        `pilot1=${file('p1.json', [proxy1])}`,
        '--file',
        `pilot2=${file('p2.json', [proxy2])}`,
        '--file',
        `pilot3=${file('p3.json', [proxy3])}`,
        'proxy2',
      ]);
      expect(r.code).toBe(0);
      expect(r.stdout.trimEnd()).toBe(golden('singleStatus.txt'));
    });

    it('singleStatusFallback: only proxy_version known -> VERSION 1.1*', async () => {
      const r = await run([
        '--legacy-columns',
        '--file',
        `pilot2=${file('fallback.json', [proxy2Fallback])}`,
        'proxy2',
      ]);
      expect(r.code).toBe(0);
      expect(r.stdout.trimEnd()).toBe(golden('singleStatusFallback.txt'));
    });

    it('the current layout adds CLUSTER and ECDS and calls the column ISTIOD', async () => {
      const r = await run(['--file', `pilot1=${file('cur.json', [proxy1])}`]);
      const [header, row] = r.stdout.trimEnd().split('\n');
      expect(header?.split(/ {2,}/)).toEqual([
        'NAME',
        'CLUSTER',
        'CDS',
        'LDS',
        'EDS',
        'RDS',
        'ECDS',
        'ISTIOD',
        'VERSION',
      ]);
      // No cluster_id in a 1.1-era syncz: the CLUSTER cell is empty, so split on the fixed columns.
      expect(row?.replace(/\s+/g, ' ')).toBe(
        'proxy1 STALE SYNCED SYNCED NOT SENT NOT SENT pilot1 1.1',
      );
    });
  },
);

describeFixtures(
  'meshlens proxy-status against a real istiod /debug/syncz capture (Kiali, Istio 1.14.1)',
  () => {
    it('lists every proxy of kiali-syncz.json, sorted, with the states computed from its nonces', async () => {
      const text = readFileSync(fixture('istiod-debug/kiali-syncz.json'), 'utf8');
      const url = await istiod(text);
      const r = await run(['--istiod', `istiod-test=${url}`, '--timeout', '5s']);
      expect(r.code).toBe(0);
      const lines = r.stdout.trimEnd().split('\n');
      expect(lines[0]).toMatch(
        /^NAME {2,}CLUSTER {2,}CDS {2,}LDS {2,}EDS {2,}RDS {2,}ECDS {2,}ISTIOD {2,}VERSION$/,
      );
      // Column starts from the header; every row's cells are read at those offsets.
      const header = lines[0]!;
      const starts = [
        'NAME',
        'CLUSTER',
        'CDS',
        'LDS',
        'EDS',
        'RDS',
        'ECDS',
        'ISTIOD',
        'VERSION',
      ].map((t) => header.indexOf(t));
      const rows = lines
        .slice(1)
        .map((line) => starts.map((s, i) => line.slice(s, starts[i + 1] ?? undefined).trim()));

      const entries = JSON.parse(text) as Record<string, string>[];
      expect(rows).toHaveLength(entries.length);
      expect(rows.map((row) => row[0])).toEqual(entries.map((e) => e.proxy).sort());
      const rule = (sent = '', acked = ''): string =>
        sent === ''
          ? 'NOT SENT'
          : sent === acked
            ? 'SYNCED'
            : acked === ''
              ? 'STALE (Never Acknowledged)'
              : 'STALE';
      for (const e of entries) {
        const row = rows.find((x) => x[0] === e.proxy)!;
        expect(row).toEqual([
          e.proxy,
          e.cluster_id,
          rule(e.cluster_sent, e.cluster_acked),
          rule(e.listener_sent, e.listener_acked),
          rule(e.endpoint_sent, e.endpoint_acked),
          rule(e.route_sent, e.route_acked),
          'NOT SENT',
          'istiod-test',
          e.istio_version,
        ]);
      }
      // Hand-checked: the egress gateway never got routes (no route_* fields in the capture).
      expect(rows.find((x) => x[0]!.startsWith('istio-egressgateway-'))?.slice(2, 6)).toEqual([
        'SYNCED',
        'SYNCED',
        'SYNCED',
        'NOT SENT',
      ]);
    });

    it('-o json lists the same proxies with their states', async () => {
      const url = await istiod(readFileSync(fixture('istiod-debug/kiali-syncz.json'), 'utf8'));
      const r = await run(['--istiod', url, '-o', 'json', 'bookinfo']);
      const value = JSON.parse(r.stdout) as { proxyId: string; states: Record<string, string> }[];
      expect(value.map((v) => v.proxyId).every((id) => id.endsWith('.bookinfo'))).toBe(true);
      expect(value).toHaveLength(9); // hand-counted in the capture
      expect(value.every((v) => v.states.CDS === 'SYNCED')).toBe(true);
    });
  },
);

// The mesh API (what the mesh page shows) over a local HTTP server replaying the real istiod
// debug captures: exactly those proxies and states, services and config objects.
describeFixtures('mesh API with --istiod pointed at a server replaying istiod-debug/*', () => {
  it('lists exactly the proxies and states of kiali-syncz.json, and the registry and config', async () => {
    const files: Record<string, string> = {
      '/debug/syncz': readFileSync(fixture('istiod-debug/kiali-syncz.json'), 'utf8'),
      '/debug/registryz': readFileSync(fixture('istiod-debug/kiali-registryz.json'), 'utf8'),
      '/debug/configz': readFileSync(fixture('istiod-debug/kiali-configz.json'), 'utf8'),
    };
    const replay = http.createServer((req, res) => {
      const body = files[req.url ?? ''];
      if (body === undefined) res.writeHead(404).end('404 page not found\n');
      else res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    });
    servers.push(replay);
    await new Promise<void>((resolve) => replay.listen(0, '127.0.0.1', resolve));
    const istiodUrl = `http://127.0.0.1:${(replay.address() as AddressInfo).port}`;

    const created = await createMeshSource({
      istiod: [`istiod-replay=${istiodUrl}`],
      timeoutMs: 5000,
    });
    if (!created.ok) throw new Error(created.error.message);
    const api = await startMeshApiServer(created.value);
    const base = api.baseUrl;

    const body = (await (await fetch(`${base}/proxies`)).json()) as MeshProxiesResponse;
    const entries = JSON.parse(files['/debug/syncz']!) as Record<string, string>[];
    expect(body.proxies.map((p) => p.id).sort()).toEqual(entries.map((e) => e.proxy).sort());
    for (const e of entries) {
      const p = body.proxies.find((x) => x.id === e.proxy)!;
      expect(p).toMatchObject({
        istiod: 'istiod-replay',
        istioVersion: e.istio_version,
        clusterId: e.cluster_id,
      });
      const synced = (t: string): string =>
        e[`${t}_sent`] ? (e[`${t}_sent`] === e[`${t}_acked`] ? 'SYNCED' : 'STALE') : 'NOT SENT';
      expect(p.sync).toEqual({
        CDS: synced('cluster'),
        LDS: synced('listener'),
        EDS: synced('endpoint'),
        RDS: synced('route'),
        ECDS: 'NOT SENT',
      });
    }
    const status = (await (await fetch(`${base}/status`)).json()) as MeshStatusResponse;
    expect(status).toMatchObject({ reachable: true, proxies: entries.length });
    const services = (await (await fetch(`${base}/services`)).json()) as MeshServicesResponse;
    expect(services.services).toHaveLength(
      (JSON.parse(files['/debug/registryz']!) as unknown[]).length,
    );
    const config = (await (await fetch(`${base}/config`)).json()) as MeshIstioConfigResponse;
    expect(config.objects).toHaveLength(41); // counted by hand in kiali-configz.json
    // No Envoy admin configured: the proxy side says so instead of failing obscurely.
    const dump = await fetch(`${base}/proxies/${entries[0]!.proxy}/config_dump`);
    expect(dump.status).toBe(501);
    await api.close();
    await created.value.close();
  });
});
