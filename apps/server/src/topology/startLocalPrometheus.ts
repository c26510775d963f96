// `meshlens serve` on the demo mesh: when Debian's `prometheus` binary is installed, run it on a
// free loopback port scraping the simulator's /metrics every second, so the topology page's
// traffic view works out of the box. Errors are values: the caller shows why traffic is missing.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A Prometheus started by Meshlens. */
export interface LocalPrometheus {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Stops the process and removes its temporary config and data. Safe to call twice. */
  stop(): Promise<void>;
}

/** Result of {@link startLocalPrometheus}. */
export type LocalPrometheusResult =
  { ok: true; prometheus: LocalPrometheus } | { ok: false; reason: string };

/** Whether a `prometheus` binary runs from PATH. */
export function havePrometheusBinary(binary = 'prometheus'): boolean {
  return spawnSync(binary, ['--version'], { stdio: 'ignore' }).status === 0;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The scrape config: one static target, scraped every `intervalSeconds` (default 1: rate() over
 * short windows needs that on a small mesh). The timeout is the interval less a second at most.
 */
export function scrapeConfig(metricsUrl: string, intervalSeconds = 1): string {
  const target = new URL(metricsUrl);
  const every = Math.max(1, Math.round(intervalSeconds));
  return [
    'global:',
    `  scrape_interval: ${every}s`,
    `  scrape_timeout: ${Math.max(1, every - 1)}s`,
    `  evaluation_interval: ${every}s`,
    'scrape_configs:',
    '  - job_name: meshlens-demo-mesh',
    `    metrics_path: ${target.pathname}`,
    '    static_configs:',
    `      - targets: ['${target.host}']`,
    '',
  ].join('\n');
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
      return;
    }
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Starts `prometheus` scraping `metricsUrl`, and resolves once its HTTP API answers (not once it
 * has data: the traffic view shows "no traffic yet" for the first seconds).
 */
export async function startLocalPrometheus(
  metricsUrl: string,
  options: { binary?: string; readyTimeoutMs?: number; scrapeIntervalSeconds?: number } = {},
): Promise<LocalPrometheusResult> {
  const binary = options.binary ?? 'prometheus';
  if (!havePrometheusBinary(binary)) {
    return { ok: false, reason: `no \`${binary}\` binary on PATH` };
  }
  const dir = mkdtempSync(join(tmpdir(), 'meshlens-prometheus-'));
  writeFileSync(
    join(dir, 'prometheus.yml'),
    scrapeConfig(metricsUrl, options.scrapeIntervalSeconds ?? 1),
  );
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    binary,
    [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--storage.tsdb.retention.time=2h`,
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  child.stderr?.on('data', (c: Buffer) => (log = (log + c.toString()).slice(-2000)));
  // However it ends (stop(), or a signal to the whole process group), its temp data goes too.
  child.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await stopChild(child);
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + (options.readyTimeoutMs ?? 20_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    const ready = await fetch(`${url}/-/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return { ok: true, prometheus: { url, stop } };
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  const last = log.trim().split('\n').slice(-3).join(' | ');
  return { ok: false, reason: `prometheus did not start${last ? `: ${last}` : ''}` };
}
