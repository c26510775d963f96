import type { JsonValue } from '@meshlens/configdump';
import { redactDump, type RedactOptions, type RedactionReport } from '@meshlens/redact';
import { isGzip } from '../dumps/workerProtocol';
import type { ParseSource } from '../dumps/workerProtocol';

/** The outcome of a redacted export: the file text and what was replaced, or why it failed. */
export type RedactResult =
  { ok: true; text: string; report: RedactionReport } | { ok: false; message: string };

async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart])
    .stream()
    .pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The source's text (gzip inflated), read again from the File / Blob / pasted text. */
async function sourceText(source: ParseSource): Promise<string> {
  if (source.kind === 'text') return source.text;
  const bytes = new Uint8Array(await source.blob.arrayBuffer());
  return new TextDecoder('utf-8').decode(isGzip(bytes) ? await gunzip(bytes) : bytes);
}

/**
 * Re-reads a dump's source and redacts it with `redactDump`; the result is pretty-printed JSON.
 * Errors are values: an unreadable file or a YAML dump (the browser reads JSON only; the
 * `meshlens redact` CLI reads YAML) become a message.
 */
export async function runRedactJob(
  source: ParseSource,
  options: RedactOptions,
): Promise<RedactResult> {
  let text: string;
  try {
    text = await sourceText(source);
  } catch (err) {
    return {
      ok: false,
      message: `Could not read ${source.name} again (${err instanceof Error ? err.message : String(err)}); open it again and retry.`,
    };
  }
  let raw: JsonValue;
  try {
    raw = JSON.parse(text) as JsonValue;
  } catch {
    return {
      ok: false,
      message: `${source.name} is not JSON (a YAML dump?): export it with \`meshlens redact\` instead.`,
    };
  }
  const { json, report } = redactDump(raw, options);
  return { ok: true, text: `${JSON.stringify(json, null, 2)}\n`, report };
}
