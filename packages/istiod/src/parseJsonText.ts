import { parseConfigDump, type JsonValue } from '@meshlens/configdump';
import type { DebugResult } from './model';

/**
 * `JSON.parse` that returns a typed error with line:column. The position comes from
 * `@meshlens/configdump`'s reader, the one place that knows how each V8 version words its errors
 * (Node 20 does not always say where the problem is).
 */
export function parseJsonText(text: string, what: string): DebugResult<JsonValue> {
  if (text.trim() === '')
    return { ok: false, error: { code: 'empty', message: `${what} is empty` } };
  try {
    return { ok: true, value: JSON.parse(text) as JsonValue };
  } catch (err) {
    const located = parseConfigDump(text);
    const reason = err instanceof Error ? err.message : String(err);
    if (!located.ok && located.error.code === 'invalid_json' && located.error.line !== undefined) {
      const { line, column } = located.error;
      return {
        ok: false,
        error: {
          code: 'invalid_json',
          message: `${what} is not valid JSON at line ${line}, column ${column ?? 0}: ${shortReason(reason)}`,
          line,
          ...(column !== undefined ? { column } : {}),
        },
      };
    }
    return {
      ok: false,
      error: { code: 'invalid_json', message: `${what} is not valid JSON: ${shortReason(reason)}` },
    };
  }
}

// V8 quotes the whole input in some messages; a multi-megabyte dump must not end up in an error line.
function shortReason(reason: string): string {
  const firstLine = reason.split('\n')[0] ?? reason;
  return firstLine.length > 160 ? `${firstLine.slice(0, 157)}...` : firstLine;
}

/**
 * The entries of an istiod debug endpoint that answers a JSON array (`/debug/configz`,
 * `/debug/registryz`), from its text or already-parsed JSON; `null` is an empty list.
 */
export function readDebugArray(
  input: string | JsonValue,
  what: string,
  expected: string,
): DebugResult<JsonValue[]> {
  let value: JsonValue;
  if (typeof input === 'string') {
    const parsed = parseJsonText(input, what);
    if (!parsed.ok) return parsed;
    value = parsed.value;
  } else value = input;
  if (value === null) return { ok: true, value: [] };
  if (!Array.isArray(value)) {
    return { ok: false, error: { code: 'unexpected_shape', message: `expected ${expected}` } };
  }
  return { ok: true, value };
}
