// Test helper: a JSON value written as block-style YAML, so tests can feed the YAML readers real
// fixture data (the only real YAML capture among the fixtures is a small ECDS listing). Strings are
// written double-quoted with JSON escapes, which YAML 1.2 reads the same; keys too.
import type { JsonValue } from '../../packages/configdump/src/index';

const scalar = (v: JsonValue): string => JSON.stringify(v);

function lines(v: JsonValue, indent: string, out: string[]): void {
  if (Array.isArray(v)) {
    for (const x of v) {
      if (x !== null && typeof x === 'object' && Object.keys(x).length > 0) {
        const sub: string[] = [];
        lines(x, `${indent}  `, sub);
        out.push(`${indent}- ${sub[0]!.trimStart()}`, ...sub.slice(1));
      } else out.push(`${indent}- ${inline(x)}`);
    }
    return;
  }
  if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      if (x !== null && typeof x === 'object' && Object.keys(x).length > 0) {
        out.push(`${indent}${scalar(k)}:`);
        lines(x, `${indent}  `, out);
      } else out.push(`${indent}${scalar(k)}: ${inline(x)}`);
    }
    return;
  }
  out.push(`${indent}${scalar(v)}`);
}

/** Empty containers are written in flow style (`{}`, `[]`); scalars as JSON. */
const inline = (v: JsonValue): string =>
  Array.isArray(v) ? '[]' : v !== null && typeof v === 'object' ? '{}' : scalar(v);

/** `value` as a block-style YAML document (it starts with a key, not with `{`). */
export function toBlockYaml(value: JsonValue): string {
  const out: string[] = [];
  lines(value, '', out);
  return `${out.join('\n')}\n`;
}
