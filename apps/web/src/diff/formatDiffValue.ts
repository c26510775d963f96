import type { JsonValue } from '@meshlens/configdump';

/** A field value as text for the field view: JSON (indented when nested), `—` when absent. */
export function formatDiffValue(value: JsonValue | undefined): string {
  if (value === undefined) return '—';
  if (typeof value === 'object' && value !== null) return JSON.stringify(value, null, 2);
  return JSON.stringify(value);
}
