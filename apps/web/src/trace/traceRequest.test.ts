import { parseRequestLine } from '@meshlens/tracer';
import { describe, expect, it } from 'vitest';
import {
  decodeTraceRequest,
  emptyTraceRequest,
  encodeTraceRequest,
  requestLineOptions,
  type TraceRequest,
} from './traceRequest';

const full: TraceRequest = {
  line: 'GET http://reviews:9080/reviews/1?x=1',
  headers: 'end-user: jason\nx-b3-traceid: 0af7:651916cd',
  ip: '10.96.0.12',
  port: '9080',
  sni: 'reviews.example',
  direction: 'outbound',
  random: '10',
};

describe('trace request in the URL', () => {
  it('reads like the CLI, one flag per line', () => {
    expect(encodeTraceRequest(full)).toBe(
      [
        'GET http://reviews:9080/reviews/1?x=1',
        '-H end-user: jason',
        '-H x-b3-traceid: 0af7:651916cd',
        '--ip 10.96.0.12',
        '--port 9080',
        '--sni reviews.example',
        '--direction outbound',
        '--random 10',
      ].join('\n'),
    );
  });

  it('round-trips, dropping blank header lines and surrounding spaces', () => {
    expect(decodeTraceRequest(encodeTraceRequest(full))).toEqual(full);
    const messy = { ...emptyTraceRequest, line: '  GET http://a/ ', headers: '\n a: 1 \n\n' };
    expect(decodeTraceRequest(encodeTraceRequest(messy))).toEqual({
      ...emptyTraceRequest,
      line: 'GET http://a/',
      headers: 'a: 1',
    });
  });

  it('ignores lines it does not know and bad directions (hand-edited URLs)', () => {
    const r = decodeTraceRequest('GET http://a/\n--bogus 1\n--direction sideways\nhello');
    expect(r).toEqual({ ...emptyTraceRequest, line: 'GET http://a/' });
  });
});

describe('requestLineOptions', () => {
  it('passes what was typed; a non-number port is reported by the tracer on the port field', () => {
    const opts = requestLineOptions(full);
    expect(opts).toMatchObject({
      ip: '10.96.0.12',
      port: 9080,
      sni: 'reviews.example',
      direction: 'outbound',
      random: 10,
    });
    const bad = parseRequestLine(full.line, requestLineOptions({ ...full, port: '90a' }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.field).toBe('port');
    expect(requestLineOptions(emptyTraceRequest)).toEqual({ headers: [''] });
  });
});
