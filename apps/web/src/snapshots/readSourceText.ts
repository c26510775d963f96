import { isGzip, type ParseSource } from '../dumps/workerProtocol';

async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart])
    .stream()
    .pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * The text a dump was opened from, read again from its File / Blob / pasted text (a gzipped file
 * is inflated: the server stores the dump text and gzips it itself). Rejects when the file can no
 * longer be read (e.g. deleted from disk since it was opened).
 */
export async function readSourceText(source: ParseSource): Promise<string> {
  if (source.kind === 'text') return source.text;
  const bytes = new Uint8Array(await source.blob.arrayBuffer());
  return new TextDecoder('utf-8').decode(isGzip(bytes) ? await gunzip(bytes) : bytes);
}
