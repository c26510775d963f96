import { parseConfigDump } from '@meshlens/configdump';
import { splitDump } from './dumpTransfer';
import { parserInput, readInChunks, type ParseRequest, type WorkerReply } from './workerProtocol';

/** Fewest milliseconds between two progress messages of the same phase. */
const progressIntervalMs = 50;

/**
 * Runs one parse request and posts its progress, then the model in parts (or the error). Kept apart from the worker entry
 * so it can be tested without a browser.
 */
export async function runParseJob(
  req: ParseRequest,
  post: (msg: WorkerReply) => void,
): Promise<void> {
  const { jobId, source } = req;
  let last = 0;
  const progress = (phase: 'read' | 'parse', fraction: number): void => {
    const now = Date.now();
    if (fraction < 1 && now - last < progressIntervalMs) return;
    last = now;
    post({ type: 'progress', jobId, phase, fraction });
  };
  let input: string | Uint8Array;
  if (source.kind === 'text') {
    input = source.text;
  } else {
    input = parserInput(await readInChunks(source.blob, (f) => progress('read', f)));
  }
  const result = parseConfigDump(input, {
    fileName: source.name,
    onProgress: (f) => progress('parse', f),
  });
  if (!result.ok) {
    post({ type: 'failed', jobId, error: result.error });
    return;
  }
  const parts = splitDump(result.dump);
  parts.forEach((part, seq) => post({ type: 'part', jobId, seq, total: parts.length, part }));
}
