/// <reference lib="webworker" />
// The diff worker: re-reads two dumps and diffs them off the UI thread (seconds on big proxies).
import type { ParseSource } from '../dumps/workerProtocol';
import { type DiffJobResult, runDiffJob } from './runDiffJob';

/** Page -> worker. */
export interface DiffRequest {
  left: ParseSource;
  right: ParseSource;
}

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<DiffRequest>) => {
  runDiffJob(event.data.left, event.data.right)
    .catch((err: unknown): DiffJobResult => ({
      ok: false,
      message: `The comparison failed: ${err instanceof Error ? err.message : String(err)}`,
    }))
    .then((result) => scope.postMessage(result));
};
