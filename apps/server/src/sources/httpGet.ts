import http from 'node:http';
import https from 'node:https';
import { fail, ok, type SourceResult } from './SourceError';
import { DEFAULT_TIMEOUT_MS, formatDuration } from './parseDuration';

/** Default cap on a response body: real sidecar dumps of big meshes reach tens of MB. */
export const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;

/** Limits of one outbound call. */
export interface HttpLimits {
  /** Whole-request deadline (connect + headers + body), ms. Default 15 s. */
  timeoutMs?: number;
  /** Largest body accepted, bytes. */
  maxBytes?: number;
}

/** A complete HTTP response (any status). */
export interface HttpResponse {
  status: number;
  statusText: string;
  contentType: string;
  body: string;
}

const errorCode = (err: unknown): string =>
  typeof err === 'object' && err !== null && 'code' in err
    ? String((err as { code: unknown }).code)
    : '';

/**
 * GET `url` with a deadline and a body cap, telling apart every way it can fail: refused, timeout,
 * reset, truncated (shorter than Content-Length), too large, other network errors. HTTP error
 * statuses are returned as responses: what they mean depends on the endpoint (see `getJson`).
 * Written over `node:http` rather than `fetch` because fetch reports all of these as one
 * "fetch failed".
 */
export function httpGet(url: string, limits: HttpLimits = {}): Promise<SourceResult<HttpResponse>> {
  const timeoutMs = limits.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_BYTES;
  return new Promise((resolve) => {
    let settled = false;
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      resolve(
        fail({
          kind: 'network',
          url,
          message: 'not a valid URL',
          advice: 'Pass a URL like http://127.0.0.1:15000.',
        }),
      );
      return;
    }
    const client =
      target.protocol === 'https:' ? https : target.protocol === 'http:' ? http : undefined;
    if (!client) {
      resolve(
        fail({
          kind: 'network',
          url,
          message: `unsupported protocol ${target.protocol}`,
          advice: 'Use an http:// or https:// URL.',
        }),
      );
      return;
    }
    const done = (result: SourceResult<HttpResponse>): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      resolve(result);
    };
    const request = client.get(target, {
      headers: { accept: 'application/json, text/plain, */*' },
    });
    const timer = setTimeout(() => {
      done(
        fail({
          kind: 'timeout',
          url,
          message: `no complete answer after ${formatDuration(timeoutMs)} (timeout)`,
          advice:
            'Check that the address is right and the server is healthy, or raise --timeout (e.g. --timeout 30s).',
        }),
      );
    }, timeoutMs);

    request.on('error', (err) => {
      const code = errorCode(err);
      if (code === 'ECONNREFUSED') {
        done(
          fail({
            kind: 'refused',
            url,
            message: `connection refused (nothing listens on ${target.host})`,
            advice:
              'Start the server or the port-forward (e.g. kubectl port-forward), or fix the address.',
          }),
        );
      } else if (code === 'ECONNRESET' || code === 'EPIPE') {
        done(
          fail({
            kind: 'reset',
            url,
            message: 'connection reset before any response',
            advice: resetAdvice,
          }),
        );
      } else {
        done(
          fail({
            kind: 'network',
            url,
            message: `${code || 'network error'}: ${err.message}`,
            advice: 'Check the address, DNS and TLS settings.',
          }),
        );
      }
    });

    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      let received = 0;
      const announced = Number(response.headers['content-length'] ?? Number.NaN);
      if (Number.isFinite(announced) && announced > maxBytes) {
        done(tooLarge(url, announced, maxBytes));
        return;
      }
      response.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > maxBytes) done(tooLarge(url, received, maxBytes));
        else chunks.push(chunk);
      });
      const broken = (): void => {
        if (Number.isFinite(announced) && received < announced) {
          done(
            fail({
              kind: 'truncated',
              url,
              message: `response truncated: got ${received} of ${announced} bytes before the connection closed`,
              advice:
                'The server or a proxy in between closed the connection early; retry, and check its logs and memory limits.',
            }),
          );
        } else {
          done(
            fail({
              kind: 'reset',
              url,
              message: `connection reset after ${received} bytes of the response`,
              advice: resetAdvice,
            }),
          );
        }
      };
      response.on('aborted', broken);
      response.on('error', broken);
      response.on('close', () => {
        if (!response.complete) broken();
      });
      response.on('end', () => {
        if (!response.complete) return broken();
        done(
          ok({
            status: response.statusCode ?? 0,
            statusText: response.statusMessage ?? '',
            contentType: String(response.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      });
    });
  });
}

const resetAdvice =
  'The server (or the pod behind a port-forward) dropped the connection; check that it is still running and retry.';

function tooLarge(url: string, bytes: number, maxBytes: number): SourceResult<HttpResponse> {
  return fail({
    kind: 'too_large',
    url,
    message: `response larger than the ${maxBytes}-byte limit (at least ${bytes} bytes)`,
    advice: 'Raise the size limit if this proxy really has that much configuration.',
  });
}
