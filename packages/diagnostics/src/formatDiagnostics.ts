import type { Diagnostic } from './diagnostic';

/** `meshlens check` text: one line per finding, then a count per severity. */
export function formatDiagnostics(list: Diagnostic[]): string {
  const lines = list.map(
    (d) => `${d.severity.toUpperCase().padEnd(7)} ${d.code.padEnd(21)} ${d.message}`,
  );
  const count = (s: Diagnostic['severity']): number => list.filter((d) => d.severity === s).length;
  lines.push(
    list.length === 0
      ? 'No problems found.'
      : `${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info.`,
  );
  return lines.join('\n');
}
