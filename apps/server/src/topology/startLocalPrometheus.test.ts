// Starts Debian's `prometheus` the way `meshlens serve` does for the demo mesh, against the demo
// simulator's /metrics. Skipped, with the reason, when the binary is not installed.
import { afterAll, describe, expect, it } from 'vitest';
import { startDemoMeshSimulator } from '../sources/demo/startDemoMeshSimulator';
import { generateDemoMesh } from '@meshlens/demo-mesh';
import { demoScrapeSeconds } from './serveTopology';
import { havePrometheusBinary, scrapeConfig, startLocalPrometheus } from './startLocalPrometheus';

describe('scrapeConfig', () => {
  it('scrapes the metrics URL every second', () => {
    const text = scrapeConfig('http://127.0.0.1:4321/stats/metrics');
    expect(text).toContain('scrape_interval: 1s');
    expect(text).toContain('metrics_path: /stats/metrics');
    expect(text).toContain("targets: ['127.0.0.1:4321']");
  });

  it('scrapes a large demo mesh less often, with a timeout inside the interval', () => {
    expect(demoScrapeSeconds(7)).toBe(1);
    const every = demoScrapeSeconds(2600);
    expect(every).toBeGreaterThan(1);
    const text = scrapeConfig('http://127.0.0.1:4321/metrics', every);
    expect(text).toContain(`scrape_interval: ${every}s`);
    expect(text).toContain(`scrape_timeout: ${every - 1}s`);
  });
});

describe('startLocalPrometheus', () => {
  it('reports a missing binary as a value', async () => {
    const r = await startLocalPrometheus('http://127.0.0.1:1/metrics', {
      binary: 'meshlens-no-such-prometheus',
    });
    expect(r).toEqual({ ok: false, reason: 'no `meshlens-no-such-prometheus` binary on PATH' });
  });

  const have = havePrometheusBinary();
  const stops: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const s of stops) await s();
  });
  it.skipIf(!have)(
    have
      ? 'runs prometheus on loopback scraping the demo simulator, and stops it'
      : 'runs prometheus (skipped: no `prometheus` binary; apt-get install prometheus)',
    async () => {
      const sim = await startDemoMeshSimulator(generateDemoMesh());
      stops.push(() => sim.close());
      const r = await startLocalPrometheus(sim.metricsUrl);
      if (!r.ok) throw new Error(r.reason);
      stops.push(r.prometheus.stop);
      expect(r.prometheus.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      // The target shows up in Prometheus's own view of what it scrapes (once its config loaded).
      let scraped: string[] = [];
      for (let i = 0; i < 40 && !scraped.includes(sim.metricsUrl); i++) {
        const targets = (await (await fetch(`${r.prometheus.url}/api/v1/targets`)).json()) as {
          data: { activeTargets: { scrapeUrl: string }[] };
        };
        scraped = targets.data.activeTargets.map((t) => t.scrapeUrl);
        await new Promise((res) => setTimeout(res, 250));
      }
      expect(scraped).toContain(sim.metricsUrl);
      await r.prometheus.stop();
      const after = await fetch(`${r.prometheus.url}/-/ready`).then(
        () => 'up',
        () => 'down',
      );
      expect(after).toBe('down');
    },
    30_000,
  );
});
