// A Prometheus instant-query client (`/api/v1/query` with `query` + `time`) for the topology
// engine: every failure becomes an error value naming the URL and what to do.
import type { PromQueryFn, PromQueryResult, PromSample } from '@meshlens/topology';
import { httpGet } from '../sources/httpGet';
import { formatSourceError } from '../sources/SourceError';
import { DEFAULT_TIMEOUT_MS } from '../sources/parseDuration';

/** Where Prometheus is and how long to wait for it. */
export interface PrometheusClientOptions {
  /** Base URL, e.g. `http://127.0.0.1:9090` (a path prefix such as `/prometheus` is kept). */
  url: string;
  /** Per-query deadline, ms (default 15 s). */
  timeoutMs?: number;
}

interface ApiBody {
  status?: unknown;
  error?: unknown;
  errorType?: unknown;
  data?: { resultType?: unknown; result?: unknown };
}

function sampleValue(text: unknown): number {
  if (text === '+Inf') return Number.POSITIVE_INFINITY;
  if (text === '-Inf') return Number.NEGATIVE_INFINITY;
  return typeof text === 'string' ? Number(text) : Number.NaN;
}

/** Reads an `/api/v1/query` body into a vector, or says what is wrong with it. */
export function parseQueryResponse(body: string, url: string, httpStatus: number): PromQueryResult {
  let parsed: ApiBody;
  try {
    parsed = JSON.parse(body) as ApiBody;
  } catch {
    const snippet = body.trim().replace(/\s+/g, ' ').slice(0, 160);
    return {
      ok: false,
      error: `${url}: HTTP ${httpStatus}, not a Prometheus API answer${snippet ? `: ${snippet}` : ''}. Check that --prometheus points at Prometheus (its /api/v1/query).`,
    };
  }
  if (parsed.status !== 'success') {
    const why = typeof parsed.error === 'string' ? parsed.error : 'unknown error';
    const type = typeof parsed.errorType === 'string' ? ` (${parsed.errorType})` : '';
    return { ok: false, error: `${url}: Prometheus rejected the query${type}: ${why}` };
  }
  const data = parsed.data;
  if (!data || data.resultType !== 'vector' || !Array.isArray(data.result)) {
    return {
      ok: false,
      error: `${url}: expected an instant vector, got ${String(data?.resultType ?? 'no data')}`,
    };
  }
  const vector: PromSample[] = [];
  for (const item of data.result as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { metric, value } = item as { metric?: unknown; value?: unknown };
    if (typeof metric !== 'object' || metric === null || !Array.isArray(value)) continue;
    const labels: Record<string, string> = {};
    for (const [k, v] of Object.entries(metric)) if (typeof v === 'string') labels[k] = v;
    vector.push({ metric: labels, value: sampleValue(value[1]) });
  }
  return { ok: true, vector };
}

/** A `PromQueryFn` over HTTP. */
export function createPrometheusClient(options: PrometheusClientOptions): PromQueryFn {
  const base = options.url.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return async (query, time) => {
    const params = new URLSearchParams({ query, time: String(time) });
    const url = `${base}/api/v1/query?${params.toString()}`;
    const shownUrl = `${base}/api/v1/query`;
    const response = await httpGet(url, { timeoutMs, maxBytes: 512 * 1024 * 1024 });
    if (!response.ok)
      return { ok: false, error: formatSourceError({ ...response.error, url: shownUrl }) };
    const r = response.value;
    if (r.status === 404) {
      return {
        ok: false,
        error: `${shownUrl}: HTTP 404. Is ${base} a Prometheus server (or does it need a path prefix such as /prometheus)?`,
      };
    }
    return parseQueryResponse(r.body, shownUrl, r.status);
  };
}
