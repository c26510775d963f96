import type { DumpError } from './model';

const WHAT: Record<DumpError['code'], string> = {
  empty: 'empty input',
  invalid_json: 'invalid JSON',
  invalid_yaml: 'invalid YAML',
  not_a_config_dump: 'not a config dump',
  gzip: 'bad gzip data',
  too_large: 'input too large',
};

/** One line for a person: `invalid JSON at line 3, column 14: Unexpected token ...`. */
export function formatDumpError(e: DumpError): string {
  const where =
    e.line !== undefined
      ? ` at line ${e.line}${e.column !== undefined ? `, column ${e.column}` : ''}`
      : '';
  // V8 appends its own position ("in JSON at position 26 (line 1 column 27)"); ours is above.
  const message = e.message
    .replace(/\s*\n\s*/g, ' ')
    .replace(/ in JSON at position \d+(?: \(line \d+ column \d+\))?/, '');
  return `${WHAT[e.code] ?? e.code}${where}: ${message}`;
}
