/// <reference lib="webworker" />
// The redaction worker: re-reads one dump and redacts it off the UI thread. Nothing leaves the page.
import type { RedactOptions } from '@meshlens/redact';
import type { ParseSource } from '../dumps/workerProtocol';
import { runRedactJob, type RedactResult } from './runRedactJob';

/** Page -> worker. */
export interface RedactRequest {
  source: ParseSource;
  options: RedactOptions;
}

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<RedactRequest>) => {
  const { source, options } = event.data;
  runRedactJob(source, options)
    .catch((err: unknown): RedactResult => ({
      ok: false,
      message: `Redaction failed: ${err instanceof Error ? err.message : String(err)}`,
    }))
    .then((result) => scope.postMessage(result));
};
