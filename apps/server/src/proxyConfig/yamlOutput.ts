import type { JsonValue } from '@meshlens/configdump';
import { Document, isScalar, parse, Scalar, visit } from 'yaml';

// istioctl prints `-o yaml` through sigs.k8s.io/yaml (Go yaml.v2): keys sorted, sequences not
// indented under their key, strings that a YAML 1.1 reader would resolve to another type (a
// number, a boolean, a timestamp) in double quotes, other strings that cannot be plain (a leading
// `@`, embedded `"`) in single quotes, and a blank line at the end (it uses Fprintln).

/**
 * True when `text`, written plain, would read back under YAML 1.1 as a number, boolean, null or
 * timestamp (Go yaml.v2 checks exactly these tags; flow-collection look-alikes are merely quoted).
 */
function ambiguousPlain(text: string): boolean {
  // Scalars of those types are short one-liners; anything else need not be parsed to know.
  if (text.length > 64 || text.includes('\n')) return false;
  try {
    // `silent`: text such as `%FILTER_STATE(...)%` reads as a directive, and the warning would go
    // to the process's stderr.
    const back: unknown = parse(text, { version: '1.1', logLevel: 'silent' });
    return (
      typeof back === 'number' || typeof back === 'boolean' || back === null || back instanceof Date
    );
  } catch {
    return false;
  }
}

/** Serialises `value` the way istioctl's `-o yaml` does. */
export function toIstioctlYaml(value: JsonValue): string {
  const doc = new Document(value, { sortMapEntries: true });
  visit(doc, {
    Scalar(_key, node) {
      if (isScalar(node) && typeof node.value === 'string' && ambiguousPlain(node.value)) {
        node.type = Scalar.QUOTE_DOUBLE;
      }
    },
  });
  return `${doc.toString({ lineWidth: 0, indentSeq: false, singleQuote: true })}\n`;
}
