import type { ConfigDump } from '@meshlens/configdump';
import {
  parseRequestLine,
  traceDump,
  type DumpTrace,
  type RequestLineError,
} from '@meshlens/tracer';
import { decodeTraceRequest, requestLineOptions } from './traceRequest';
import { tracePathNodeIds } from './tracePathNodeIds';

/** A trace as the view shows it: the result and its path, or an error for the form. */
export type TraceRun =
  { ok: true; trace: DumpTrace; path: string[] } | { ok: false; error: RequestLineError };

/**
 * Runs the trace a `g.t` URL value asks for. Never throws: bad input comes back as an error on
 * the field to fix, and a tracer bug as an error on the request line rather than a blank view.
 */
export function runTrace(dump: ConfigDump, encoded: string): TraceRun {
  const request = decodeTraceRequest(encoded);
  const parsed = parseRequestLine(request.line, requestLineOptions(request));
  if (!parsed.ok) return parsed;
  try {
    const trace = traceDump(dump, parsed.input);
    return { ok: true, trace, path: tracePathNodeIds(trace) };
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return {
      ok: false,
      error: {
        field: 'line',
        message: `The tracer could not follow this request (${why}). Please report it with the dump.`,
      },
    };
  }
}
