import { readInput } from '@meshlens/configdump';
import { redactDump, type RedactOptions, type RedactionReport } from '@meshlens/redact';
import { describeDumpError } from '../dumps/describeDumpError';
import type { ParseSource } from '../dumps/workerProtocol';

/**
 * The outcome of a redacted export: the JSON file text, what was replaced and what the source
 * was (`from`: its format, `gzip`: whether it was compressed), or why it failed.
 */
export type RedactResult =
  | { ok: true; text: string; report: RedactionReport; from: 'json' | 'yaml'; gzip: boolean }
  | { ok: false; message: string };

/** The source's bytes (or pasted text), read again from the File / Blob. */
async function sourceInput(source: ParseSource): Promise<string | Uint8Array> {
  if (source.kind === 'text') return source.text;
  return new Uint8Array(await source.blob.arrayBuffer());
}

/**
 * Re-reads a dump's source (JSON or YAML, gzipped or not, the same reader as the parser) and
 * redacts it with `redactDump`. The result is always pretty-printed JSON: Meshlens and Envoy
 * tooling read it, and YAML comments and anchors would not survive a round trip anyway.
 * Errors are values: an unreadable or malformed file becomes a message naming it.
 */
export async function runRedactJob(
  source: ParseSource,
  options: RedactOptions,
): Promise<RedactResult> {
  let input: string | Uint8Array;
  try {
    input = await sourceInput(source);
  } catch (err) {
    return {
      ok: false,
      message: `Could not read ${source.name} again (${err instanceof Error ? err.message : String(err)}); open it again and retry.`,
    };
  }
  const read = readInput(input, undefined);
  if (!read.ok) return { ok: false, message: `${source.name}: ${describeDumpError(read.error)}` };
  const { json, report } = redactDump(read.input.value, options);
  return {
    ok: true,
    text: `${JSON.stringify(json, null, 2)}\n`,
    report,
    from: read.input.format,
    gzip: read.input.gzip,
  };
}
