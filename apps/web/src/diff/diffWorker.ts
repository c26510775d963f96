/// <reference lib="webworker" />
// The diff worker: re-reads two dumps, diffs them and builds the coloured graph off the UI thread
// (seconds on big proxies), then answers the page's questions about single changes.
import type { DumpDiff, ObjectChange } from '@meshlens/diff';
import type { ElementDefinition } from 'cytoscape';
import type { ParseSource } from '../dumps/workerProtocol';
import { type PackedDiffSummary, packDiffSummary } from './diffSummary';
import type { DiffGraph } from './mergeDiffGraph';
import { runDiffJob } from './runDiffJob';

/** Page -> worker: compare a pair (once), then fetch the details of one change at a time. */
export type DiffRequest =
  { type: 'diff'; left: ParseSource; right: ParseSource } | { type: 'change'; index: number };

/** What the worker sends of a comparison: the packed change summary and the merged graph. */
export type PackedDiffResult =
  | { ok: true; summary: PackedDiffSummary; graph: DiffGraph; elements: ElementDefinition[] }
  | { ok: false; message: string };

/** Worker -> page. */
export type DiffResponse =
  | { type: 'diff'; result: PackedDiffResult }
  | { type: 'change'; index: number; change: ObjectChange | undefined };

const scope = self as unknown as DedicatedWorkerGlobalScope;
let diff: DumpDiff | undefined;

const post = (m: DiffResponse, transfer: Transferable[] = []): void =>
  scope.postMessage(m, transfer);

scope.onmessage = (event: MessageEvent<DiffRequest>) => {
  const req = event.data;
  if (req.type === 'change') {
    post({ type: 'change', index: req.index, change: diff?.changes[req.index] });
    return;
  }
  runDiffJob(req.left, req.right)
    .then((r): PackedDiffResult => {
      if (!r.ok) return r;
      diff = r.diff;
      return {
        ok: true,
        summary: packDiffSummary(r.summary),
        graph: r.graph,
        elements: r.elements,
      };
    })
    .catch((err: unknown): PackedDiffResult => ({
      ok: false,
      message: `The comparison failed: ${err instanceof Error ? err.message : String(err)}`,
    }))
    .then((result) =>
      post(
        { type: 'diff', result },
        result.ok
          ? [
              result.summary.kind.buffer,
              result.summary.status.buffer,
              result.summary.display.buffer,
            ]
          : [],
      ),
    );
};
