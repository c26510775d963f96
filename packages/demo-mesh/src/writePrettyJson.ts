/**
 * Writes `JSON.stringify(value, null, indent)` in chunks. A 5000-service dump pretty-prints to
 * several hundred megabytes, past what V8 allows in a single string, so it cannot be built at once.
 */
import type { JsonValue } from '@meshlens/configdump';

const CHUNK = 1 << 20;

/** Streams the pretty-printed JSON of `value` to `write`, in chunks of about 1 MiB. */
export function writePrettyJson(
  value: JsonValue,
  write: (chunk: string) => void,
  indent = 2,
): void {
  let buffer = '';
  const emit = (text: string): void => {
    buffer += text;
    if (buffer.length >= CHUNK) {
      write(buffer);
      buffer = '';
    }
  };
  // indent 0 means compact output, exactly as JSON.stringify(value, null, 0).
  const pad = ' '.repeat(Math.max(0, indent));
  const nl = indent > 0 ? '\n' : '';
  const colon = indent > 0 ? ': ' : ':';
  const visit = (v: JsonValue | undefined, depth: number): void => {
    if (v === null || typeof v !== 'object') {
      emit(JSON.stringify(v ?? null));
      return;
    }
    const inner = nl + pad.repeat(depth + 1);
    if (Array.isArray(v)) {
      if (v.length === 0) return emit('[]');
      emit('[');
      v.forEach((item, i) => {
        emit(i === 0 ? inner : ',' + inner);
        // JSON.stringify writes `null` for undefined array items.
        visit(item === undefined ? null : item, depth + 1);
      });
      emit(nl + pad.repeat(depth) + ']');
      return;
    }
    let first = true;
    for (const key of Object.keys(v)) {
      const item = v[key];
      if (item === undefined) continue; // as JSON.stringify: undefined properties are omitted
      emit((first ? '{' : ',') + inner + JSON.stringify(key) + colon);
      first = false;
      visit(item, depth + 1);
    }
    emit(first ? '{}' : nl + pad.repeat(depth) + '}');
  };
  visit(value, 0);
  if (buffer.length > 0) write(buffer);
}
