import { decodeBase64Ascii, encodeBase64Ascii } from './base64Text';

/** Marker inside every secret placeholder, so a second redaction leaves placeholders alone. */
const MARKER = 'meshlens-redacted-';

/**
 * A syntactically valid PEM block standing for a certificate or key: the armor Envoy expects,
 * a base64 body naming the placeholder. It parses as PEM, not as X.509 (there is no certificate).
 */
export function pemPlaceholder(kind: 'certificate' | 'private_key', id: string): string {
  const label = kind === 'certificate' ? 'CERTIFICATE' : 'PRIVATE KEY';
  const body = encodeBase64Ascii(`${MARKER}${kind}-${id}`);
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
}

/** True for a value `redactDump` wrote (as text or as base64 of the text), or Envoy's own `[redacted]`. */
export function isSecretPlaceholder(
  value: string,
  field: 'inline_string' | 'inline_bytes',
): boolean {
  if (value === '[redacted]') return true;
  const text = field === 'inline_bytes' ? decodeBase64Ascii(value) : value;
  if (text === undefined) return false;
  const body = /-----BEGIN [A-Z ]+-----\n([A-Za-z0-9+/=]+)\n-----END/.exec(text)?.[1];
  return body !== undefined && (decodeBase64Ascii(body) ?? '').startsWith(MARKER);
}
