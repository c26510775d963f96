import type { ParseOptions, ParseResult } from './model';

/** Reads a config dump (JSON or YAML text, or gzip bytes) into the normalised model. Never throws. */
export function parseConfigDump(
  input: string | Uint8Array,
  _options: ParseOptions = {},
): ParseResult {
  void input;
  return { ok: false, error: { code: 'empty', message: 'not implemented yet' } };
}
