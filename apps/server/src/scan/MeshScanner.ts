import type { MeshScanProxyResult, MeshScanState, MeshScanStatus } from '@meshlens/contract';
import type { MeshSource } from '../sources/MeshSource';
import { DEFAULT_CONCURRENCY, createSemaphore } from '../sources/semaphore';
import { sourceErrorBody } from '../sources/sourceErrorBody';
import { summarizeProxyDump } from './summarizeProxyDump';

/** Options of {@link MeshScanner}. */
export interface MeshScannerOptions {
  /** Dumps fetched at once (default: the source's `concurrency`, else 8). */
  concurrency?: number;
  /** Milliseconds clock (default `performance.now`-based wall time). */
  clock?: () => number;
}

/** One scan's mutable state; only {@link MeshScanner} touches it. */
interface ScanRun {
  id: number;
  state: MeshScanState;
  startedAt: Date;
  started: number;
  finished?: number;
  finishedAt?: Date;
  total: number;
  done: number;
  failed: number;
  bytes: number;
  current: Set<string>;
  results: MeshScanProxyResult[];
  error?: MeshScanStatus['error'];
  cancelRequested: boolean;
  promise: Promise<void>;
}

/**
 * The mesh-wide scan of one source: fetches every proxy's config dump with at most `concurrency`
 * in flight, keeps a compact summary per proxy (see `summarizeProxyDump`) and drops the dump.
 * One scan at a time: starting while one runs joins it; a scan started while another is being
 * cancelled waits for its fetches to end, so the bound holds across scans too. A proxy that fails
 * is recorded with its error; it never stops the scan.
 */
export class MeshScanner {
  private readonly source: MeshSource;
  readonly concurrency: number;
  private readonly clock: () => number;
  private last: ScanRun | undefined;
  private nextId = 1;

  constructor(source: MeshSource, options: MeshScannerOptions = {}) {
    this.source = source;
    this.concurrency = Math.max(
      1,
      Math.floor(options.concurrency ?? source.concurrency ?? DEFAULT_CONCURRENCY),
    );
    this.clock = options.clock ?? (() => performance.now());
  }

  /** Starts a scan, or joins the one running. */
  start(): { scan: MeshScanStatus; joined: boolean } {
    const running = this.last;
    if (running && running.state === 'running')
      return { scan: this.view(running, 0), joined: true };
    const previous = running?.promise ?? Promise.resolve();
    const scan: ScanRun = {
      id: this.nextId++,
      state: 'running',
      startedAt: new Date(),
      started: this.clock(),
      total: 0,
      done: 0,
      failed: 0,
      bytes: 0,
      current: new Set(),
      results: [],
      cancelRequested: false,
      promise: Promise.resolve(),
    };
    // A cancelled scan's last fetches may still be in flight: start after them.
    scan.promise = previous.then(() => this.run(scan));
    this.last = scan;
    return { scan: this.view(scan, 0), joined: false };
  }

  /** The latest scan (running or finished) with the results after cursor `since`; null before any. */
  status(since = 0): MeshScanStatus | null {
    return this.last ? this.view(this.last, since) : null;
  }

  /** Cancels the running scan: no new fetch starts; the ones in flight finish and are recorded. */
  cancel(): MeshScanStatus | null {
    const scan = this.last;
    if (scan && scan.state === 'running') {
      scan.cancelRequested = true;
      scan.state = 'cancelling';
    }
    return this.status();
  }

  /** Resolves when the latest scan has ended (for tests and shutdown). */
  async settled(): Promise<void> {
    await this.last?.promise;
  }

  private async run(scan: ScanRun): Promise<void> {
    const list = await this.source.listProxies();
    if (!list.ok) {
      scan.error = sourceErrorBody(list.error);
      return this.finish(scan, 'failed');
    }
    // Several istiods may report the same proxy: scan it once.
    const ids = [...new Set(list.value.proxies.map((p) => p.id))];
    scan.total = ids.length;
    const semaphore = createSemaphore(this.concurrency);
    await Promise.all(ids.map((id) => semaphore.run(() => this.scanOne(scan, id))));
    this.finish(scan, scan.cancelRequested ? 'cancelled' : 'done');
  }

  /** Fetches, summarises and forgets one proxy's dump. Resolves to nothing, so nothing holds it. */
  private async scanOne(scan: ScanRun, id: string): Promise<void> {
    if (scan.cancelRequested) return;
    scan.current.add(id);
    const t0 = this.clock();
    try {
      const fetched = await this.source.getConfigDump(id);
      const fetchMs = this.clock() - t0;
      if (!fetched.ok) {
        this.record(scan, { id, error: sourceErrorBody(fetched.error) });
        return;
      }
      const dumpBytes = Buffer.byteLength(fetched.value.text, 'utf8');
      scan.bytes += dumpBytes;
      this.record(scan, {
        id,
        summary: summarizeProxyDump(fetched.value.dump, { dumpBytes, fetchMs }),
      });
    } catch (err) {
      // Sources return errors as values; this is a bug in a checker or a source, kept to this proxy.
      this.record(scan, {
        id,
        error: {
          kind: 'malformed',
          message: `summarising this proxy's dump failed: ${err instanceof Error ? err.message : String(err)}`,
          advice:
            'Open the proxy to inspect its dump, and report the problem with the dump attached.',
        },
      });
    } finally {
      scan.current.delete(id);
    }
  }

  private record(scan: ScanRun, result: MeshScanProxyResult): void {
    scan.results.push(result);
    scan.done++;
    if (result.error) scan.failed++;
  }

  private finish(scan: ScanRun, state: MeshScanState): void {
    scan.state = state;
    scan.finished = this.clock();
    scan.finishedAt = new Date();
  }

  private view(scan: ScanRun, since: number): MeshScanStatus {
    const from = Math.min(Math.max(0, Math.floor(since)), scan.results.length);
    const status: MeshScanStatus = {
      id: scan.id,
      state: scan.state,
      startedAt: scan.startedAt.toISOString(),
      elapsedMs: Math.round((scan.finished ?? this.clock()) - scan.started),
      concurrency: this.concurrency,
      total: scan.total,
      done: scan.done,
      failed: scan.failed,
      bytes: scan.bytes,
      current: [...scan.current],
      results: scan.results.slice(from),
      next: scan.results.length,
    };
    if (scan.finishedAt) status.finishedAt = scan.finishedAt.toISOString();
    if (scan.error) status.error = scan.error;
    return status;
  }
}
