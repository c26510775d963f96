// Integration with a real Prometheus (Debian's `prometheus` binary) on loopback, scraping the demo
// mesh simulator's /metrics: the traffic graph must show the demo's edges at the rates the
// simulator generates (within 10 %). Skipped, with the reason, when the binary is not installed.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoMesh } from '@meshlens/demo-mesh';
import { sha256Hex } from '@meshlens/topology';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoMeshSimulator, type DemoSimulator } from '../sources/demo/startDemoMeshSimulator';
import { buildTrafficModel } from '../sources/demo/trafficModel';
import { answerGraphRequest, splitRequest } from './graphRequest';
import { createPrometheusClient } from './prometheusClient';

const haveBinary = spawnSync('prometheus', ['--version'], { stdio: 'ignore' }).status === 0;
const suite = haveBinary ? describe : (describe.skip.bind(describe) as unknown as typeof describe);
const title = haveBinary
  ? 'traffic graph from a real Prometheus scraping the demo mesh'
  : 'traffic graph from a real Prometheus (skipped: no `prometheus` binary; apt-get install -y prometheus)';

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

suite(title, () => {
  const mesh = generateDemoMesh();
  let sim: DemoSimulator;
  let prom: ChildProcess | undefined;
  let promUrl = '';
  let dir = '';
  let promLog = '';

  beforeAll(async () => {
    sim = await startDemoMeshSimulator(mesh);
    const target = new URL(sim.metricsUrl);
    dir = mkdtempSync(join(tmpdir(), 'meshlens-prom-'));
    // The simulator labels apps with source_app/destination_app (Istio's legacy labels); Istio
    // also writes *_canonical_service/revision, which Kiali's queries group by: derive them here.
    const relabel = ['source', 'destination']
      .flatMap((side) => [
        `      - source_labels: [${side}_app]\n        target_label: ${side}_canonical_service`,
        `      - source_labels: [${side}_version]\n        target_label: ${side}_canonical_revision`,
      ])
      .join('\n');
    writeFileSync(
      join(dir, 'prometheus.yml'),
      `global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\nscrape_configs:\n  - job_name: demo-mesh\n    metrics_path: ${target.pathname}\n    static_configs:\n      - targets: ['${target.host}']\n    metric_relabel_configs:\n${relabel}\n`,
    );
    const port = await freePort();
    promUrl = `http://127.0.0.1:${port}`;
    prom = spawn(
      'prometheus',
      [
        `--config.file=${join(dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    prom.stderr?.on('data', (c: Buffer) => (promLog = (promLog + c.toString()).slice(-4000)));
    // Ready, then enough scrapes for rate() over a 10 s window.
    const query = createPrometheusClient({ url: promUrl, timeoutMs: 2000 });
    const deadline = Date.now() + 40_000;
    for (;;) {
      const r = await query('count(istio_requests_total)', Date.now() / 1000);
      if (r.ok && r.vector.length > 0) break;
      if (Date.now() > deadline) throw new Error(`Prometheus never scraped the demo:\n${promLog}`);
      await sleep(500);
    }
    // The 10 s window must be fully covered by scrapes, or rate() extrapolates from a partial one.
    await sleep(13_000);
  }, 60_000);

  afterAll(async () => {
    prom?.kill('SIGTERM');
    await sim?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows every demo HTTP edge with its generated rate (within 10 %), response times and mTLS', async () => {
    const { path, query } = splitRequest(
      '/api/namespaces/graph?namespaces=bookinfo&graphType=workload&duration=10s&appenders=responseTime,securityPolicy',
    );
    const answer = await answerGraphRequest(path, query, {
      query: createPrometheusClient({ url: promUrl }),
      clusterName: mesh.clusterId,
    });
    expect(answer.status).toBe(200);
    if (!('queries' in answer)) return;
    const edges = new Map(answer.body.elements.edges.map((e) => [e.data.id, e.data]));
    const wl = (ns: string, name: string): string =>
      sha256Hex(`wl_${mesh.clusterId}_${ns}_${name}`);
    const model = buildTrafficModel(mesh).filter((e) => e.protocol === 'http');
    expect(model.length).toBeGreaterThan(5);
    const measured: string[] = [];
    for (const m of model) {
      const s = wl(m.source.namespace, m.source.workload);
      const d = wl(m.destination.namespace, m.destination.workload);
      const edge = edges.get(sha256Hex(`${s}.${d}.http`));
      const label = `${m.source.workload} -> ${m.destination.workload}`;
      expect(edge, label).toBeDefined();
      const rate = Number(edge?.traffic?.rates?.http);
      expect(Math.abs(rate - m.rate) / m.rate, `${label}: ${rate} req/s vs ${m.rate}`).toBeLessThan(
        0.1,
      );
      measured.push(
        `${label}: ${rate} req/s (generated ${m.rate}), p95 ${edge?.responseTime ?? '-'} ms, mTLS ${edge?.isMTLS ?? '-'} %`,
      );
      expect(Number(edge?.responseTime), `${label} response time`).toBeGreaterThan(0);
      expect(edge?.isMTLS, `${label} mTLS`).toBe('100');
    }
    console.log(`real Prometheus ${promUrl}:\n${measured.join('\n')}`);
  });
});
