import type { DumpError } from '@meshlens/configdump';

/**
 * One readable sentence for a failed load: the parser's message, where (line:column) and what it
 * expected versus found, unless the message already says so.
 */
export function describeDumpError(error: DumpError): string {
  const parts = [error.message.trim()];
  if (error.line !== undefined) {
    const at = `${error.line}:${error.column ?? 1}`;
    if (!error.message.includes(at)) parts.push(`(at line:column ${at})`);
  }
  if (error.expected !== undefined && !error.message.includes(error.expected)) {
    parts.push(`Expected ${error.expected}.`);
  }
  if (error.found !== undefined && !error.message.includes(error.found)) {
    parts.push(`Found ${error.found}.`);
  }
  return parts.join(' ');
}
