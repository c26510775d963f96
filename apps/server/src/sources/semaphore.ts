/** A counting semaphore: at most `limit` tasks run at once, the rest wait in FIFO order. */
export interface Semaphore {
  /** Runs `task` when a slot is free; resolves with its result. */
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Tasks currently running. */
  readonly active: number;
}

/** Default bound when fetching many proxies: enough to hide latency, few enough not to flood istiod or the API server. */
export const DEFAULT_CONCURRENCY = 8;

/** Creates a semaphore allowing `limit` (>= 1) concurrent tasks. */
export function createSemaphore(limit: number): Semaphore {
  const max = Math.max(1, Math.floor(limit));
  let active = 0;
  const waiting: (() => void)[] = [];
  const release = (): void => {
    // Hand the slot straight to the next waiter (no decrement): a caller arriving in between
    // must not grab it too and push `active` over the limit.
    const next = waiting.shift();
    if (next) next();
    else active--;
  };
  return {
    get active() {
      return active;
    },
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (active >= max) await new Promise<void>((resolve) => waiting.push(resolve));
      else active++;
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}

/** Maps `items` through `fn` with at most `limit` calls in flight; results keep the input order. */
export function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const semaphore = createSemaphore(limit);
  return Promise.all(items.map((item, i) => semaphore.run(() => fn(item, i))));
}
