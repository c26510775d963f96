import type { RedactOptions } from '@meshlens/redact';
import type { ParseSource } from '../dumps/workerProtocol';
import type { RedactRequest } from './redactWorker';
import type { RedactResult } from './runRedactJob';

/** Runs one redaction in a fresh worker (terminated when done, so its memory goes with it). */
export function redactInWorker(source: ParseSource, options: RedactOptions): Promise<RedactResult> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./redactWorker.ts', import.meta.url), {
      type: 'module',
      name: 'meshlens-redact',
    });
    worker.onmessage = (event: MessageEvent<RedactResult>) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      worker.terminate();
      resolve({
        ok: false,
        message: `The redaction stopped unexpectedly: ${event.message || 'worker error'}.`,
      });
    };
    const req: RedactRequest = { source, options };
    worker.postMessage(req);
  });
}
