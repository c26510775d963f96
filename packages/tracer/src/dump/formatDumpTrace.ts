import type { DumpTrace } from './dumpTraceTypes';

/** Readable, step-by-step text of a trace (the `meshlens trace` output). */
export function formatDumpTrace(t: DumpTrace): string {
  const lines: string[] = [];
  t.steps.forEach((s, i) => {
    lines.push(`${String(i + 1).padStart(2)}. ${s.kind.replace(/_/g, ' ')}: ${s.title}`);
    for (const e of s.explanation) lines.push(`      ${e}`);
  });
  if (t.assumptions.length > 0) {
    lines.push('', 'Assumptions:');
    for (const a of t.assumptions) lines.push(`  - ${a}`);
  }
  lines.push('', `Result (${t.outcome}): ${t.summary}`);
  return lines.join('\n');
}
