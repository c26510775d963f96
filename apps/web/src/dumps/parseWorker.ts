/// <reference lib="webworker" />
// The parse worker: reads and parses one dump off the UI thread. The file never leaves the page.
import { runParseJob } from './runParseJob';
import type { ParseRequest, WorkerReply } from './workerProtocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<ParseRequest>) => {
  const req = event.data;
  if (req.type !== 'parse') return;
  runParseJob(req, (msg: WorkerReply) => scope.postMessage(msg)).catch((err: unknown) => {
    // The parser never throws; reading a File can (e.g. the file vanished from disk).
    const reply: WorkerReply = {
      type: 'failed',
      jobId: req.jobId,
      error: {
        code: 'empty',
        message: `Could not read ${req.source.name}: ${err instanceof Error ? err.message : String(err)}`,
      },
    };
    scope.postMessage(reply);
  });
};
