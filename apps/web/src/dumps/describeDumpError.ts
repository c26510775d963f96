import { type DumpError, formatDumpError } from '@meshlens/configdump';

/**
 * One readable sentence for a failed load: the model's own wording (what, where), the position
 * in the short `line:column` form editors jump to, and what was expected versus found.
 */
export function describeDumpError(error: DumpError): string {
  const base = formatDumpError(error);
  const parts = [base.endsWith('.') ? base : `${base}.`];
  if (error.line !== undefined) parts.push(`(line:column ${error.line}:${error.column ?? 1})`);
  if (error.expected !== undefined && !base.includes(error.expected)) {
    parts.push(`Expected ${error.expected}.`);
  }
  if (error.found !== undefined && !base.includes(error.found)) {
    parts.push(`Found ${error.found}.`);
  }
  return parts.join(' ');
}
