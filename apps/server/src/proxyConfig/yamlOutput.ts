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
  try {
    const back: unknown = parse(text, { version: '1.1' });
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
