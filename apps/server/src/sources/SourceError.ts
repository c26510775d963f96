/** Why a data source could not deliver. */
export type SourceErrorKind =
  /** TCP connection refused: nothing listens at the address. */
  | 'refused'
  /** No complete answer within the configured timeout. */
  | 'timeout'
  /** The connection was reset (or closed) before the response ended. */
  | 'reset'
  /** The body ended before its announced Content-Length. */
  | 'truncated'
  /** The body is larger than the configured cap. */
  | 'too_large'
  /** An HTTP error status (other than the debug-disabled cases below). */
  | 'http_status'
  /** istiod refuses debug endpoints over plain HTTP (hardened mesh). */
  | 'debug_disabled'
  /** The body is not the JSON (or shape) expected. */
  | 'malformed'
  /** The proxy / file / resource asked for does not exist in this source. */
  | 'not_found'
  /** The source cannot answer this question at all (e.g. Envoy-only source asked for istiod's view). */
  | 'not_available'
  /** Reading a local file or archive failed. */
  | 'io'
  /** Any other network failure (DNS, TLS...). */
  | 'network';

/** A typed, actionable source failure: what happened, where, and what to do about it. */
export interface SourceError {
  kind: SourceErrorKind;
  /** The URL (or file path) that failed. */
  url?: string;
  /** What happened, e.g. `timed out after 2s` or `HTTP 500 Internal Server Error: <body start>`. */
  message: string;
  /** What to do about it. */
  advice: string;
  /** HTTP status, for `http_status` / `debug_disabled`. */
  status?: number;
  /** Position of a JSON syntax error, 1-based. */
  line?: number;
  column?: number;
}

/** Every source call returns a value: the result or a typed error, never an exception. */
export type SourceResult<T> = { ok: true; value: T } | { ok: false; error: SourceError };

/** `{ ok: true, value }`. */
export function ok<T>(value: T): SourceResult<T> {
  return { ok: true, value };
}

/** `{ ok: false, error }`. */
export function fail<T>(error: SourceError): SourceResult<T> {
  return { ok: false, error };
}

/** One line for the terminal / a UI banner: `<url>: <what happened>. <what to do>`. */
export function formatSourceError(error: SourceError): string {
  const where = error.url ? `${error.url}: ` : '';
  const what = error.message.replace(/\.$/, '');
  return `${where}${what}. ${error.advice}`;
}
