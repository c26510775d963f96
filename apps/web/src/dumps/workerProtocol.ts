import type { ParseResult } from '@meshlens/configdump';

/** What the page asks the parse worker to read. Files are read inside the worker, in chunks. */
export type ParseSource =
  { kind: 'blob'; name: string; blob: Blob } | { kind: 'text'; name: string; text: string };

/** Page -> worker. One worker runs one job; cancelling terminates the worker. */
export interface ParseRequest {
  type: 'parse';
  jobId: number;
  source: ParseSource;
}

/** Which step a job is in. */
export type ParsePhase = 'read' | 'parse';

/** Worker -> page. */
export type WorkerReply =
  | { type: 'progress'; jobId: number; phase: ParsePhase; fraction: number }
  | { type: 'done'; jobId: number; result: ParseResult };

/** Share of the progress bar given to reading the file (the rest is parsing). */
const readShare = 0.25;

/** One 0..1 progress value for the bar, from a phase and its own fraction. */
export function overallProgress(phase: ParsePhase, fraction: number): number {
  const f = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0));
  return phase === 'read' ? f * readShare : readShare + f * (1 - readShare);
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
