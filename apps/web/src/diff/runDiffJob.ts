import { type ConfigDump, parseConfigDump } from '@meshlens/configdump';
import { diffDumps, type DumpDiff } from '@meshlens/diff';
import { parserInput, type ParseSource } from '../dumps/workerProtocol';

/** The outcome of a diff run off the UI thread: the diff, or why it could not run. */
export type DiffJobResult = { ok: true; diff: DumpDiff } | { ok: false; message: string };

async function parse(source: ParseSource): Promise<ConfigDump | string> {
  const input =
    source.kind === 'text'
      ? source.text
      : parserInput(new Uint8Array(await source.blob.arrayBuffer()));
  const r = parseConfigDump(input, { fileName: source.name });
  return r.ok ? r.dump : `${source.name}: ${r.error.message}`;
}

/**
 * Parses both sources again and diffs them. Used by the diff worker: the page's models cannot be
 * handed to a worker without a blocking structured clone of the whole model, while the sources
 * (File handles, text) cost nothing to send, and re-parsing happens off the UI thread too.
 */
export async function runDiffJob(left: ParseSource, right: ParseSource): Promise<DiffJobResult> {
  const [a, b] = await Promise.all([parse(left), parse(right)]);
  if (typeof a === 'string') return { ok: false, message: a };
  if (typeof b === 'string') return { ok: false, message: b };
  return { ok: true, diff: diffDumps(a, b) };
}
