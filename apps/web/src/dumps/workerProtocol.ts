import type { DumpError } from '@meshlens/configdump';
import type { DumpPart } from './dumpTransfer';

/** What the page asks the parse worker to read. Files are read inside the worker, in chunks. */
export type ParseSource = (
  { kind: 'blob'; name: string; blob: Blob } | { kind: 'text'; name: string; text: string }
) & {
  /** Tab label to use instead of the proxy's pod name (a reopened snapshot shows its name). */
  label?: string;
};

/** Page -> worker. One worker runs one job; cancelling terminates the worker. */
export interface ParseRequest {
  type: 'parse';
  jobId: number;
  source: ParseSource;
}

/** Which step a job is in: reading the file, parsing it, moving the model to the page. */
export type ParsePhase = 'read' | 'parse' | 'receive';

/**
 * Worker -> page. A successful job sends its model as numbered parts (see `dumpTransfer`), the
 * last one completing it; a failed job sends the parser's typed error.
 */
export type WorkerReply =
  | { type: 'progress'; jobId: number; phase: 'read' | 'parse'; fraction: number }
  | { type: 'part'; jobId: number; seq: number; total: number; part: DumpPart }
  | { type: 'failed'; jobId: number; error: DumpError };

/** Where each phase starts on the progress bar (the last one ends at 1). */
const phaseStart: Record<ParsePhase, number> = { read: 0, parse: 0.2, receive: 0.85 };
const phaseEnd: Record<ParsePhase, number> = { read: 0.2, parse: 0.85, receive: 1 };

/** One 0..1 progress value for the bar, from a phase and its own fraction. */
export function overallProgress(phase: ParsePhase, fraction: number): number {
  const f = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0));
  return phaseStart[phase] + f * (phaseEnd[phase] - phaseStart[phase]);
}

/** True for the gzip magic number. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Size of each read step: small enough for smooth progress, large enough to be fast. */
export const readChunkBytes = 4 * 1024 * 1024;

/** Reads a Blob slice by slice, reporting the fraction read after each slice. */
export async function readInChunks(
  blob: Blob,
  onProgress: (fraction: number) => void,
  chunkBytes = readChunkBytes,
): Promise<Uint8Array> {
  const out = new Uint8Array(blob.size);
  let offset = 0;
  onProgress(0);
  while (offset < blob.size) {
    const end = Math.min(blob.size, offset + chunkBytes);
    const part = new Uint8Array(await blob.slice(offset, end).arrayBuffer());
    out.set(part, offset);
    offset = end;
    onProgress(offset / blob.size);
  }
  return out;
}

/**
 * The parser input for raw bytes: gzip stays bytes (the parser inflates it), anything else is
 * decoded as UTF-8 text so the parser can report line:column positions.
 */
export function parserInput(bytes: Uint8Array): string | Uint8Array {
  return isGzip(bytes) ? bytes : new TextDecoder('utf-8').decode(bytes);
}
