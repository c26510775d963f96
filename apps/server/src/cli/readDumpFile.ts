import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parse as parseYaml } from 'yaml';
import {
  formatDumpError,
  parseConfigDump,
  type ConfigDump,
  type JsonValue,
} from '@meshlens/configdump';

/** A dump file read from disk and parsed, or one line saying what is wrong with it. */
export type DumpFile =
  { ok: true; bytes: Uint8Array; dump: ConfigDump } | { ok: false; message: string };

const FS_REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
};

/**
 * Reads and parses a config dump for a CLI command. Every command words its errors the same way:
 * `cannot read FILE: no such file`, or the model's error with line:column and what was expected.
 */
export function readDumpFile(file: string): DumpFile {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'unreadable';
    return { ok: false, message: `cannot read ${file}: ${FS_REASONS[code] ?? code}` };
  }
  const parsed = parseConfigDump(bytes, { fileName: file });
  if (parsed.ok) return { ok: true, bytes, dump: parsed.dump };
  const { error } = parsed;
  const hint =
    error.expected && !error.message.includes(error.expected)
      ? ` (expected ${error.expected})`
      : '';
  return { ok: false, message: `cannot read ${file}: ${formatDumpError(error)}${hint}` };
}

/** The text of a dump file's bytes, gunzipped when they are gzip. */
export function dumpText(bytes: Uint8Array): string {
  const plain = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : Buffer.from(bytes);
  return plain.toString('utf8');
}

/**
 * The raw JSON document of a dump file that `readDumpFile` accepted (JSON, else YAML), for
 * commands that print or rewrite the original objects.
 */
export function dumpJson(bytes: Uint8Array): JsonValue {
  const text = dumpText(bytes);
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return parseYaml(text) as JsonValue;
  }
}
