import type { ConnectionInput, RequestLineOptions } from '@meshlens/tracer';

/** What the trace form holds: text as typed, so a half-written value survives a reload. */
export interface TraceRequest {
  /** `GET http://reviews:9080/reviews/1` (or `tcp://10.96.0.10:53`). */
  line: string;
  /** `Name: value` lines. */
  headers: string;
  ip: string;
  port: string;
  sni: string;
  direction: '' | NonNullable<ConnectionInput['direction']>;
  random: string;
}

/** An empty form with the demo request as a hint of the syntax. */
export const emptyTraceRequest: TraceRequest = {
  line: '',
  headers: '',
  ip: '',
  port: '',
  sni: '',
  direction: '',
  random: '',
};

// The URL form reads like the CLI: the request line, then one `-H` / `--flag value` per line.
const flags = {
  ip: '--ip',
  port: '--port',
  sni: '--sni',
  direction: '--direction',
  random: '--random',
} as const;

/** The `g.t` URL value of a request: `GET http://...\n-H end-user: jason\n--random 10`. */
export function encodeTraceRequest(r: TraceRequest): string {
  const lines = [r.line.trim()];
  for (const h of r.headers.split('\n')) if (h.trim() !== '') lines.push(`-H ${h.trim()}`);
  for (const key of Object.keys(flags) as (keyof typeof flags)[]) {
    const v = r[key].trim();
    if (v !== '') lines.push(`${flags[key]} ${v}`);
  }
  return lines.join('\n');
}

/** Reads a `g.t` URL value back; unknown lines are ignored (a hand-edited URL never crashes). */
export function decodeTraceRequest(text: string): TraceRequest {
  const [first = '', ...rest] = text.split('\n');
  const out: TraceRequest = { ...emptyTraceRequest, line: first.trim() };
  const headers: string[] = [];
  for (const raw of rest) {
    const line = raw.trim();
    if (line.startsWith('-H ')) {
      headers.push(line.slice(3).trim());
      continue;
    }
    const space = line.indexOf(' ');
    const flag = space > 0 ? line.slice(0, space) : line;
    const value = space > 0 ? line.slice(space + 1).trim() : '';
    const key = (Object.keys(flags) as (keyof typeof flags)[]).find((k) => flags[k] === flag);
    if (key === 'direction') {
      if (value === 'outbound' || value === 'inbound' || value === 'direct') out.direction = value;
    } else if (key !== undefined) out[key] = value;
  }
  out.headers = headers.join('\n');
  return out;
}

/**
 * The options `parseRequestLine` takes, from the form's text fields. Numbers that do not parse
 * are passed as NaN so the tracer reports them on the right field instead of ignoring them.
 */
export function requestLineOptions(r: TraceRequest): RequestLineOptions {
  const num = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s.trim()));
  const opts: RequestLineOptions = { headers: r.headers.split('\n') };
  const port = num(r.port);
  if (port !== undefined) opts.port = port;
  const random = num(r.random);
  if (random !== undefined) opts.random = random;
  if (r.ip.trim() !== '') opts.ip = r.ip.trim();
  if (r.sni.trim() !== '') opts.sni = r.sni.trim();
  if (r.direction !== '') opts.direction = r.direction;
  return opts;
}
