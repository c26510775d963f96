/** Go's `time.Format(time.RFC3339)` of a UTC instant: no fractional seconds, `Z` suffix. */
export function formatRfc3339(text: string | undefined): string {
  if (text === undefined || text === '') return '';
  const t = new Date(text);
  if (Number.isNaN(t.getTime())) return text;
  return t.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
