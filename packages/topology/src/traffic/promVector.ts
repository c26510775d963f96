/** One sample of a Prometheus instant vector. */
export interface PromSample {
  /** Label name -> value. */
  metric: Readonly<Record<string, string>>;
  /** The sample value (Prometheus sends it as a string; parsed at the edge). */
  value: number;
}

/** The result of an instant query: a vector, or an error a person can act on. */
export type PromQueryResult = { ok: true; vector: PromSample[] } | { ok: false; error: string };

/**
 * Runs a PromQL instant query evaluated at `time` (unix seconds). The topology package never does
 * HTTP itself: the server passes a client, tests pass a real local server or a table.
 */
export type PromQueryFn = (query: string, time: number) => Promise<PromQueryResult>;
