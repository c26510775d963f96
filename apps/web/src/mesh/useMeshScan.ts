import type { MeshScanProxyResult, MeshScanResponse, MeshScanStatus } from '@meshlens/contract';
import { useCallback, useEffect, useRef, useState } from 'react';
import { getJson, postBlob } from '../demo/apiClient';

/** How often a running scan is polled. */
export const SCAN_POLL_MS = 500;

/** The scan's progress (without its results, which are accumulated in `results`). */
export type MeshScanProgress = Omit<MeshScanStatus, 'results'>;

/** What the mesh page knows of the server's mesh-wide scan. */
export interface MeshScanView {
  /** The latest scan's progress; undefined before any (or on a server without the endpoint). */
  progress: MeshScanProgress | undefined;
  /** Every result of that scan so far, by proxy id. */
  results: ReadonlyMap<string, MeshScanProxyResult>;
  /** Why the last start / poll / cancel call failed. */
  error: unknown;
  start: () => void;
  cancel: () => void;
}

const isActive = (s: MeshScanProgress | undefined): boolean =>
  s?.state === 'running' || s?.state === 'cancelling';

/**
 * Follows the server's scan of a mesh API base: `Fetch all` starts (or joins) it, then the hook
 * polls `GET scan?since=<cursor>` every {@link SCAN_POLL_MS} while it runs, adding only the new
 * results (polling rather than `EventSource`, which cannot send the bearer token).
 */
export function useMeshScan(base: string): MeshScanView {
  const [progress, setProgress] = useState<MeshScanProgress>();
  const [results, setResults] = useState<ReadonlyMap<string, MeshScanProxyResult>>(new Map());
  const [error, setError] = useState<unknown>();
  // The cursor belongs to one scan id; a new id starts the results over.
  const cursor = useRef<{ id: number; next: number } | undefined>(undefined);

  const apply = useCallback((body: MeshScanResponse): void => {
    const scan = body.scan;
    if (!scan) return;
    const { results: fresh, ...rest } = scan;
    const same = cursor.current?.id === scan.id;
    cursor.current = { id: scan.id, next: scan.next };
    setProgress(rest);
    if (!same || fresh.length > 0) {
      setResults((prev) => {
        const next = new Map(same ? prev : []);
        for (const r of fresh) next.set(r.id, r);
        return next;
      });
    }
  }, []);

  const poll = useCallback(async (): Promise<void> => {
    const c = cursor.current;
    const body = await getJson<MeshScanResponse>(`${base}/scan?since=${c?.next ?? 0}`);
    // A different scan than the cursor's: read it from the start.
    if (body.scan && c && body.scan.id !== c.id && body.scan.next > body.scan.results.length) {
      cursor.current = undefined;
      apply(await getJson<MeshScanResponse>(`${base}/scan`));
    } else apply(body);
  }, [base, apply]);

  // Pick up a scan that already exists (started earlier, or from another tab), once per base.
  useEffect(() => {
    cursor.current = undefined;
    setProgress(undefined);
    setResults(new Map());
    setError(undefined);
    poll().catch(() => {
      // A server without the scan endpoint (or an archive base): the button will say why if used.
    });
  }, [poll]);

  const active = isActive(progress);
  useEffect(() => {
    if (!active) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = (): void => {
      poll()
        .then(() => setError(undefined))
        .catch((err: unknown) => setError(err))
        .finally(() => {
          if (!stopped) timer = setTimeout(tick, SCAN_POLL_MS);
        });
    };
    timer = setTimeout(tick, SCAN_POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [active, poll]);

  const start = useCallback(() => {
    setError(undefined);
    postBlob<MeshScanResponse>(`${base}/scan`, new Blob([]))
      .then(apply)
      .catch((err: unknown) => setError(err));
  }, [base, apply]);

  const cancel = useCallback(() => {
    postBlob<MeshScanResponse>(`${base}/scan/cancel`, new Blob([]))
      .then(apply)
      .catch((err: unknown) => setError(err));
  }, [base, apply]);

  return { progress, results, error, start, cancel };
}
