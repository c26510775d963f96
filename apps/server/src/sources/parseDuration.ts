/** Default timeout of every outbound call. */
export const DEFAULT_TIMEOUT_MS = 15_000;

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * Parses a Go-style duration as the CLI accepts it: `2s`, `500ms`, `1m30s`, `1.5s`; a bare number
 * means seconds. Returns milliseconds, or an error sentence for anything else (zero, negative,
 * unknown unit).
 */
export function parseDuration(
  text: string,
): { ok: true; ms: number } | { ok: false; message: string } {
  const trimmed = text.trim();
  const bad = {
    ok: false as const,
    message: `invalid duration "${text}": use a number with a unit, e.g. 2s, 500ms, 1m30s`,
  };
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    const ms = Number(trimmed) * 1000;
    return ms > 0 ? { ok: true, ms } : bad;
  }
  const part = /(\d+(?:\.\d+)?)(ms|s|m|h)/gy;
  let ms = 0;
  let consumed = 0;
  for (let m = part.exec(trimmed); m; m = part.exec(trimmed)) {
    ms += Number(m[1]) * (UNIT_MS[m[2] ?? ''] ?? Number.NaN);
    consumed = part.lastIndex;
  }
  if (consumed === 0 || consumed !== trimmed.length || !(ms > 0)) return bad;
  return { ok: true, ms };
}

/** `2s`, `1.5s`, `250ms`: how a timeout is shown in error messages. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)}s`;
}
