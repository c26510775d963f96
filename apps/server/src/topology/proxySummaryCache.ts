// Proxy dumps summarised once and kept: the config topology needs a few facts per proxy (workload
// labels, outbound clusters, endpoint IPs, programmed routes), not the dump. A sidecar of a
// 1,000-service mesh without Sidecar scoping dumps ~26 MB, so fetching every dump per request
// cannot scale; summaries are fetched with bounded concurrency and reused for `ttlMs`.
import { summariseProxyDump, type ProxySummary } from '@meshlens/topology';
import type { MeshSource } from '../sources/MeshSource';
import { formatSourceError } from '../sources/SourceError';
import { createSemaphore, type Semaphore } from '../sources/semaphore';

interface Entry {
  at: number;
  summary?: ProxySummary;
  problem?: string;
}

/** Summaries by proxy id, with the problems of the proxies that could not be read. */
export interface SummariesRead {
  summaries: ProxySummary[];
  problems: string[];
}

/** Options of {@link ProxySummaryCache}. */
export interface ProxySummaryCacheOptions {
  /** Dumps fetched at once (default 4). */
  concurrency?: number;
  /** How long a summary is reused (default 60 s). */
  ttlMs?: number;
  clock?: () => number;
}

/** Fetches, summarises and caches proxy dumps; concurrent asks for one proxy share one fetch. */
export class ProxySummaryCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<Entry>>();
  private readonly semaphore: Semaphore;
  private readonly ttlMs: number;
  private readonly clock: () => number;

  constructor(
    private readonly source: MeshSource,
    options: ProxySummaryCacheOptions = {},
  ) {
    this.semaphore = createSemaphore(options.concurrency ?? 4);
    this.ttlMs = options.ttlMs ?? 60_000;
    this.clock = options.clock ?? Date.now;
  }

  /** Summaries of these proxies, fetching the missing or stale ones. */
  async read(proxyIds: readonly string[]): Promise<SummariesRead> {
    const entries = await Promise.all(proxyIds.map((id) => this.entry(id)));
    const out: SummariesRead = { summaries: [], problems: [] };
    for (const e of entries) {
      if (e.summary) out.summaries.push(e.summary);
      if (e.problem) out.problems.push(e.problem);
    }
    return out;
  }

  /** Summaries already cached (fresh or not) for these proxies; fetches nothing. */
  cached(proxyIds: readonly string[]): ProxySummary[] {
    return proxyIds.flatMap((id) => this.entries.get(id)?.summary ?? []);
  }

  private entry(id: string): Promise<Entry> {
    const known = this.entries.get(id);
    if (known && this.clock() - known.at < this.ttlMs) return Promise.resolve(known);
    const running = this.inFlight.get(id);
    if (running) return running;
    const p = this.semaphore
      .run(async (): Promise<Entry> => {
        const r = await this.source.getConfigDump(id);
        if (!r.ok) return { at: this.clock(), problem: `${id}: ${formatSourceError(r.error)}` };
        const summary = summariseProxyDump(r.value.dump);
        return summary
          ? { at: this.clock(), summary }
          : { at: this.clock(), problem: `${id}: the dump names no pod and namespace` };
      })
      .catch((err: unknown) => ({
        at: this.clock(),
        problem: `${id}: ${err instanceof Error ? err.message : String(err)}`,
      }))
      .then((e) => {
        this.entries.set(id, e);
        this.inFlight.delete(id);
        return e;
      });
    this.inFlight.set(id, p);
    return p;
  }
}
