import type { ConnectionInput } from './dump/connection';
import type { DumpTraceInput } from './dump/dumpTraceTypes';
import { parseTraceTarget } from './dump/parseTraceTarget';

/** What a person can add to a curl-like request line (the CLI flags, the web form's fields). */
export interface RequestLineOptions {
  /** `name: value` lines, in order (curl's `-H`). */
  headers?: readonly string[];
  /** Destination IP; default: the URL host when it is an IP, else the service VIP found in the dump. */
  ip?: string;
  /** Destination port; default: the URL's port (80 / 443 without one). */
  port?: number;
  /** The client starts TLS with this SNI (https:// URLs do so with the URL host). */
  sni?: string;
  /** ALPN protocols the client offers, in order. */
  alpn?: readonly string[];
  direction?: ConnectionInput['direction'];
  /** Random value for runtime fractions and weighted clusters. */
  random?: number;
}

/** Why a request line or one of its options cannot be traced; `field` names the culprit. */
export interface RequestLineError {
  field: 'line' | 'headers' | 'ip' | 'port' | 'random' | 'direction';
  message: string;
}

const directions: readonly NonNullable<ConnectionInput['direction']>[] = [
  'outbound',
  'inbound',
  'direct',
];

// Plain dotted quads and anything with a colon (IPv6); host names go through the VIP lookup.
const ipLike = /^(\d{1,3}\.){3}\d{1,3}$|:/;

/**
 * Turns `GET http://reviews:9080/reviews/1` plus curl-like options into the input of `traceDump`:
 * the connection (port from the URL, IP when the host is one, TLS for https) and the request.
 * Errors are values naming the field and what to type instead.
 */
export function parseRequestLine(
  line: string,
  options: RequestLineOptions = {},
): { ok: true; input: DumpTraceInput } | { ok: false; error: RequestLineError } {
  const target = parseTraceTarget(line);
  if (!target.ok) return { ok: false, error: { field: 'line', message: target.error } };
  const { request, host, port } = target.target;
  if (
    options.port !== undefined &&
    !(Number.isInteger(options.port) && options.port >= 0 && options.port <= 65535)
  )
    return {
      ok: false,
      error: {
        field: 'port',
        message: `the port must be a whole number from 0 to 65535; got ${options.port}`,
      },
    };
  if (options.ip !== undefined && !ipLike.test(options.ip))
    return {
      ok: false,
      error: { field: 'ip', message: `"${options.ip}" is not an IPv4 or IPv6 address` },
    };
  if (options.direction !== undefined && !directions.includes(options.direction))
    return {
      ok: false,
      error: {
        field: 'direction',
        message: `direction must be one of ${directions.join(', ')}; got "${String(options.direction)}"`,
      },
    };
  if (
    options.random !== undefined &&
    !(Number.isSafeInteger(options.random) && options.random >= 0)
  )
    return {
      ok: false,
      error: {
        field: 'random',
        message: `the random value must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER}`,
      },
    };
  const headers: [string, string][] = [];
  for (const h of options.headers ?? []) {
    if (h.trim() === '') continue;
    const colon = h.indexOf(':', h.startsWith(':') ? 1 : 0);
    const name = colon > 0 ? h.slice(0, colon).trim() : '';
    if (name === '' || /\s/.test(name))
      return {
        ok: false,
        error: { field: 'headers', message: `expected "name: value", got "${h.trim()}"` },
      };
    headers.push([name, h.slice(colon + 1).trim()]);
  }

  const connection: ConnectionInput = { dstPort: options.port ?? port };
  const ip = options.ip ?? (ipLike.test(host) ? host : undefined);
  if (ip !== undefined) connection.dstIp = ip;
  if (options.direction !== undefined) connection.direction = options.direction;
  if (options.sni !== undefined || request?.scheme === 'https') {
    connection.tls = true;
    connection.sni = options.sni ?? host;
  }
  if (options.alpn !== undefined) connection.alpn = [...options.alpn];
  if (!request) {
    // A tcp:// target is a plain connection: headers and the random value have nothing to act on.
    connection.appProtocol = 'tcp';
    return { ok: true, input: { connection } };
  }
  request.headers.push(...headers);
  if (options.random !== undefined) request.randomValue = options.random;
  return { ok: true, input: { connection, request } };
}
