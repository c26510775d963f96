/** A JSON parse result with a position a person can act on. */
export type TolerantJsonResult =
  { ok: true; value: unknown } | { ok: false; error: string; line?: number; column?: number };

/**
 * Removes commas that directly precede `}` or `]` (outside strings). Envoy's router_check_tool
 * accepts such trailing commas in its JSON test files, so this tool does too - and only this tool.
 */
export function stripTrailingCommas(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (inString) {
      out += ch;
      if (ch === '\\') {
        out += text[i + 1] ?? '';
        i++;
      } else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') {
      inString = true;
      out += ch;
      continue;
    }
    if (ch === ',') {
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j] ?? '')) j++;
      const next = text[j];
      if (next === '}' || next === ']') {
        // Keep the line structure (for error positions): replace the comma with a space.
        out += ' ';
        continue;
      }
    }
    out += ch;
  }
  return out;
}

function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** `JSON.parse` that accepts trailing commas and reports line:column on errors. */
export function parseTolerantJson(text: string): TolerantJsonResult {
  const cleaned = stripTrailingCommas(text);
  try {
    return { ok: true, value: JSON.parse(cleaned) as unknown };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const at = /position (\d+)/.exec(message);
    if (at) {
      const { line, column } = position(cleaned, Number(at[1]));
      return { ok: false, error: `${message} (line ${line}, column ${column})`, line, column };
    }
    return { ok: false, error: message };
  }
}
