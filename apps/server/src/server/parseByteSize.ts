/** Result of {@link parseByteSize}: bytes, or a message naming the accepted forms. */
export type ByteSizeResult = { ok: true; bytes: number } | { ok: false; message: string };

const units: Record<string, number> = {
  '': 1,
  b: 1,
  kb: 1024,
  k: 1024,
  mb: 1024 ** 2,
  m: 1024 ** 2,
  gb: 1024 ** 3,
  g: 1024 ** 3,
};

/** `200mb`, `1.5gb`, `512kb`, `1048576` -> bytes (binary multiples, like Express's `limit`). */
export function parseByteSize(text: string): ByteSizeResult {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const unit = units[m?.[2]?.toLowerCase() ?? 'x'];
  if (!m?.[1] || unit === undefined) {
    return { ok: false, message: `"${text}" is not a size: use e.g. 200mb, 1gb, 512kb or bytes.` };
  }
  const bytes = Math.round(Number(m[1]) * unit);
  if (bytes < 1) return { ok: false, message: 'the size must be at least 1 byte.' };
  return { ok: true, bytes };
}

/** `209715200` -> `200 MB`: for messages. */
export function formatByteSize(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${+(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${+(bytes / 1024 ** 2).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}
