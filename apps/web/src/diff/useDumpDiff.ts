import type { ObjectChange } from '@meshlens/diff';
import { useEffect, useMemo, useState } from 'react';
import type { OpenDump } from '../dumps/useDumps';
import type { ParseSource } from '../dumps/workerProtocol';
import { unpackDiffSummary } from './diffSummary';
import type { DiffRequest, DiffResponse } from './diffWorker';
import { compareDumps, type DiffView } from './runDiffJob';

/** The comparison of two open dumps as it becomes available. */
export type DumpDiffState =
  | { status: 'idle' }
  | { status: 'running' }
  | ({
      status: 'done';
      /** The fields and raw JSON of one change (kept off the page until asked for). */
      details: (index: number) => Promise<ObjectChange | undefined>;
    } & DiffView)
  | { status: 'failed'; message: string };

/**
 * Compares two open dumps in a worker: parsing both again, diffing and building the merged graph
 * (measured on two 40 MB demo sidecars: seconds of work, and a 37 MB diff whose clone alone froze
 * the page for 2 s). The page receives the change summary and the graph; the worker stays up to
 * hand over the details of the selected change. Dumps whose source is not known fall back to the
 * UI thread. A new pair terminates the previous worker.
 */
export function useDumpDiff(
  left: OpenDump | undefined,
  right: OpenDump | undefined,
  sourceOf: (id: number) => ParseSource | undefined,
): DumpDiffState {
  const [state, setState] = useState<DumpDiffState>({ status: 'idle' });
  const sources = useMemo(
    () => (left && right ? ([sourceOf(left.id), sourceOf(right.id)] as const) : undefined),
    [left, right, sourceOf],
  );

  useEffect(() => {
    if (!left || !right || !sources) {
      setState({ status: 'idle' });
      return undefined;
    }
    const [ls, rs] = sources;
    if (!ls || !rs) {
      const { diff, ...view } = compareDumps(left.dump, right.dump);
      setState({ status: 'done', ...view, details: (i) => Promise.resolve(diff.changes[i]) });
      return undefined;
    }
    setState({ status: 'running' });
    const worker = new Worker(new URL('./diffWorker.ts', import.meta.url), {
      type: 'module',
      name: 'meshlens-diff',
    });
    const waiting = new Map<number, ((c: ObjectChange | undefined) => void)[]>();
    const details = (index: number): Promise<ObjectChange | undefined> =>
      new Promise((resolve) => {
        const list = waiting.get(index);
        if (list) list.push(resolve);
        else {
          waiting.set(index, [resolve]);
          const req: DiffRequest = { type: 'change', index };
          worker.postMessage(req);
        }
      });
    worker.onmessage = (event: MessageEvent<DiffResponse>) => {
      const m = event.data;
      if (m.type === 'change') {
        for (const resolve of waiting.get(m.index) ?? []) resolve(m.change);
        waiting.delete(m.index);
        return;
      }
      const r = m.result;
      if (r.ok)
        setState({
          status: 'done',
          summary: unpackDiffSummary(r.summary),
          graph: r.graph,
          elements: r.elements,
          details,
        });
      else {
        setState({ status: 'failed', message: r.message });
        worker.terminate();
      }
    };
    worker.onerror = (event) => {
      setState({
        status: 'failed',
        message: `The comparison stopped unexpectedly: ${event.message || 'worker error'}.`,
      });
      worker.terminate();
    };
    const req: DiffRequest = { type: 'diff', left: ls, right: rs };
    worker.postMessage(req);
    return () => {
      worker.terminate();
      // A pending question gets no answer from a terminated worker: settle it empty.
      for (const list of waiting.values()) for (const resolve of list) resolve(undefined);
    };
  }, [left, right, sources]);

  return state;
}
