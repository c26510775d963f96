import { gunzipSync } from 'fflate';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { bytesToText } from './base64';
import { jsonErrorPosition } from './jsonErrorPosition';
import type { DumpError, JsonValue } from './model';

/** The decoded input: one parsed JSON value and how it was read. */
export interface DecodedInput {
  value: JsonValue;
  format: 'json' | 'yaml';
  gzip: boolean;
  bytes: number;
}

function firstMeaningfulChar(text: string): string | undefined {
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== ' ' && c !== '\n' && c !== '\r' && c !== '\t' && c !== '\uFEFF') return c;
  }
  return undefined;
}

/** True when the YAML text holds only blank lines, comments and document markers. */
function onlyComments(text: string): boolean {
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line !== '' && !line.startsWith('#') && line !== '---' && line !== '...') return false;
  }
  return true;
}

function clip(message: string): string {
  return message.length > 200 ? `${message.slice(0, 200)}...` : message;
}

/**
 * Bytes or text -> one parsed value. Gzip is detected by its magic bytes (1f 8b), JSON by its
 * first character (`{` or `[`); anything else is read as YAML. Never throws.
 */
export function readInput(
  input: string | Uint8Array,
  maxBytes: number | undefined,
): { ok: true; input: DecodedInput } | { ok: false; error: DumpError } {
  let gzip = false;
  let data: string | Uint8Array = input;
  if (typeof input !== 'string' && input.length >= 2 && input[0] === 0x1f && input[1] === 0x8b) {
    gzip = true;
    try {
      data = gunzipSync(input);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      return {
        ok: false,
        error: { code: 'gzip', message: `could not decompress the gzip input: ${why}` },
      };
    }
  }
  // For text input this counts UTF-16 units: measuring UTF-8 bytes would mean another full scan.
  const bytes = data.length;
  if (maxBytes !== undefined && bytes > maxBytes) {
    return {
      ok: false,
      error: {
        code: 'too_large',
        message: `the input is ${bytes} bytes, more than the limit of ${maxBytes} bytes`,
      },
    };
  }
  const text = typeof data === 'string' ? data : bytesToText(data);
  const first = firstMeaningfulChar(text);
  if (first === undefined) {
    return { ok: false, error: { code: 'empty', message: 'the input is empty' } };
  }
  if (first === '{' || first === '[') {
    try {
      // A leading BOM is not JSON whitespace.
      const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
      return {
        ok: true,
        input: { value: JSON.parse(body) as JsonValue, format: 'json', gzip, bytes },
      };
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
      const { line, column } = jsonErrorPosition(body, msg);
      return {
        ok: false,
        error: { code: 'invalid_json', message: clip(msg), line, column },
      };
    }
  }
  try {
    const value = parseYaml(text, { maxAliasCount: 1000, uniqueKeys: false }) as
      JsonValue | undefined;
    // Only comments and document markers: nothing to read. A literal `null` is a value, and is
    // reported later as "not a config dump".
    if (value === undefined || (value === null && onlyComments(text))) {
      return { ok: false, error: { code: 'empty', message: 'the YAML input holds no document' } };
    }
    return { ok: true, input: { value, format: 'yaml', gzip, bytes } };
  } catch (e) {
    if (e instanceof YAMLParseError) {
      const pos = e.linePos?.[0];
      const err: DumpError = {
        code: 'invalid_yaml',
        // The library appends " at line L, column C:" and a code frame; the position is kept apart.
        message: clip((e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')),
      };
      if (pos) {
        err.line = pos.line;
        err.column = pos.col;
      }
      return { ok: false, error: err };
    }
    const msg = e instanceof Error ? e.message : String(e);
    return { ok: false, error: { code: 'invalid_yaml', message: clip(msg) } };
  }
}
