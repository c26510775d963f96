// `tsx apps/server/src/scan/meshScanBench.ts [--services 250] [--concurrency 8] [--json]`:
// time and memory of a mesh-wide scan of the demo mesh, as `meshlens serve --demo-services N`
// runs it (the simulator serves the dumps over loopback HTTP in the same process).
//
// Measured in a fresh child process (run with --expose-gc) so nothing else inflates the numbers:
// RSS sampled every 20 ms during the scan (and the kernel's max RSS), against the sum of the dump
// sizes; then, after a full GC, the heap still held compared with before the scan: what the
// scan keeps (summaries) must be tiny next to what it fetched.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { generateDemoMesh } from '@meshlens/demo-mesh';
import { DemoMeshSource } from '../sources/DemoMeshSource';
import { MeshScanner } from './MeshScanner';

interface ScanBenchResult {
  services: number;
  proxies: number;
  concurrency: number;
  failed: number;
  /** Sum of the dump sizes received, bytes. */
  bytes: number;
  /** Scan time (list + every dump fetched, parsed, summarised), ms. */
  scanMs: number;
  /** MB/s of dump text scanned. */
  throughputMBps: number;
  /** Simulator start (every proxy's dump generated + one HTTP server per proxy), ms. */
  startMs: number;
  /**
   * RSS growth from generating every dump before the scan, MB: the simulated Envoys' own config
   * (the generator builds each dump on first use and keeps it), so that it is not counted as the
   * scan's memory.
   */
  simulatedMeshMB: number;
  /** The first failures (proxy id, kind, message). */
  failures: string[];
  /** RSS after the simulator started and a GC, before the scan, MB. */
  rssBeforeMB: number;
  /** Highest RSS seen during the scan (sampled, and the kernel's max RSS), MB. */
  rssPeakMB: number;
  /** Peak RSS growth over the sum of the dump sizes. */
  peakGrowthOverBytes: number;
  /** Heap in use after the scan and a full GC, minus before it, MB: what the scan retained. */
  heapRetainedMB: number;
  /** The results' JSON size, MB (what the scan keeps and the API serves). */
  resultsMB: number;
  loadAverage: number;
}

const mb = (bytes: number): number => Math.round((bytes / 1e6) * 10) / 10;

function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  collect?.();
  collect?.();
}

async function child(services: number, concurrency: number): Promise<void> {
  const t0 = performance.now();
  gc();
  const rssEmpty = process.memoryUsage().rss;
  const mesh = generateDemoMesh({ now: new Date(), services });
  for (const p of mesh.proxies) if (!p.dump) throw new Error(`no dump for ${p.podName}`);
  const source = await DemoMeshSource.start({ mesh, concurrency, timeoutMs: 120_000 });
  const startMs = performance.now() - t0;
  gc();
  const rssBefore = process.memoryUsage().rss;
  const heapBefore = process.memoryUsage().heapUsed;
  let peak = rssBefore;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const scanner = new MeshScanner(source, { concurrency });
  scanner.start();
  await scanner.settled();
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
  const status = scanner.status();
  if (!status) throw new Error('no scan');
  gc();
  const heapAfter = process.memoryUsage().heapUsed;
  const { loadavg } = await import('node:os');
  const result: ScanBenchResult = {
    services,
    proxies: status.total,
    concurrency,
    failed: status.failed,
    bytes: status.bytes,
    scanMs: status.elapsedMs,
    throughputMBps: Math.round((status.bytes / 1e6 / (status.elapsedMs / 1000)) * 10) / 10,
    startMs: Math.round(startMs),
    simulatedMeshMB: mb(rssBefore - rssEmpty),
    failures: status.results
      .filter((r) => r.error)
      .slice(0, 5)
      .map((r) => `${r.id}: ${r.error?.kind} ${r.error?.message}`),
    rssBeforeMB: mb(rssBefore),
    rssPeakMB: mb(peak),
    peakGrowthOverBytes: Math.round(((peak - rssBefore) / Math.max(1, status.bytes)) * 1000) / 1000,
    heapRetainedMB: mb(heapAfter - heapBefore),
    resultsMB: mb(Buffer.byteLength(JSON.stringify(status.results))),
    loadAverage: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  };
  await source.close();
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function option(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  const v = i >= 0 ? Number(args[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < 1) throw new Error(`${name} needs a positive integer`);
  return v;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const services = option(args, '--services', 250);
  const concurrency = option(args, '--concurrency', 8);
  if (args.includes('--child')) return child(services, concurrency);
  const run = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      ...process.execArgv,
      fileURLToPath(import.meta.url),
      '--child',
      '--services',
      String(services),
      '--concurrency',
      String(concurrency),
    ],
    { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  if (run.status !== 0) throw new Error(`the bench child failed:\n${run.stderr}`);
  const result = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as ScanBenchResult;
  if (args.includes('--json')) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  console.log(
    `mesh scan of the demo mesh (${result.services} services, ${result.proxies} proxies, concurrency ${result.concurrency}):\n` +
      `  ${mb(result.bytes)} MB of dumps in ${(result.scanMs / 1000).toFixed(1)} s (${result.throughputMBps} MB/s), ${result.failed} failed; simulator start ${(result.startMs / 1000).toFixed(1)} s\n` +
      `  RSS ${result.rssBeforeMB} MB before, peak ${result.rssPeakMB} MB (growth = ${result.peakGrowthOverBytes} x the dump bytes)\n` +
      `  heap retained after GC: ${result.heapRetainedMB} MB (results JSON ${result.resultsMB} MB); simulated mesh (all dumps generated first) ${result.simulatedMeshMB} MB; load average ${result.loadAverage}` +
      result.failures.map((f) => `\n  failed: ${f}`).join(''),
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
});
