import { locateJsonError } from './locateJsonError';

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * Where a `JSON.parse` error happened, from its message: V8 `... at position N` (sometimes
 * followed by `(line L column C)`), Firefox `... at line L column C of the JSON data`. When the
 * message gives no position (`Unexpected token 'x', "..." is not valid JSON`, or unexpected end
 * of input), the text is scanned to find it.
 */
export function jsonErrorPosition(text: string, message: string): { line: number; column: number } {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const pos = /at position (\d+)/.exec(message);
  if (pos) return lineColumn(text, Number(pos[1]));
  return lineColumn(text, locateJsonError(text) ?? text.length);
}
