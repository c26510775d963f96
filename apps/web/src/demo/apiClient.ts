import type {
  ApiErrorResponse,
  MeshApiErrorResponse,
  MeshSourceErrorBody,
} from '@meshlens/contract';

const tokenKey = 'meshlens.token';

/**
 * Picks up a server token passed as `#token=...` (printed by `meshlens serve --auth-token`),
 * keeps it for this tab only, and removes it from the address bar.
 */
export function captureTokenFromHash(): void {
  const m = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (m?.[1] === undefined) return;
  try {
    window.sessionStorage.setItem(tokenKey, decodeURIComponent(m[1]));
  } catch {
    // Without storage the API calls will be refused with a clear 401 message.
  }
  window.history.replaceState(
    window.history.state,
    '',
    window.location.pathname + window.location.search,
  );
}

function authHeaders(): HeadersInit {
  try {
    const token = window.sessionStorage.getItem(tokenKey);
    return token ? { Authorization: `Bearer ${token}` } : {};
  } catch {
    return {};
  }
}

/** A failed API call: the server's message, its HTTP status and, for mesh calls, the source failure. */
export class ApiRequestError extends Error {
  readonly status: number;
  /** The upstream (istiod, Envoy, archive) failure behind a `/api/mesh` error, when there was one. */
  readonly source: MeshSourceErrorBody | undefined;

  constructor(message: string, status: number, source?: MeshSourceErrorBody) {
    super(message);
    this.name = 'ApiRequestError';
    this.status = status;
    this.source = source;
  }
}

/** Fetches an API path with the token; a failure (network, 401, non-2xx) throws an ApiRequestError. */
export async function request(path: string, init: RequestInit = {}): Promise<Response> {
  let res: Response;
  try {
    // Every /api call carries the token (when the page was opened with #token=...).
    res = await fetch(path, { ...init, headers: { ...authHeaders(), ...init.headers } });
  } catch {
    throw new ApiRequestError(
      'The Meshlens server cannot be reached. Is `meshlens serve` still running?',
      0,
    );
  }
  if (res.status === 401) {
    throw new ApiRequestError(
      'This server needs its access token: open the link `meshlens serve` printed (it ends in #token=…).',
      401,
    );
  }
  if (!res.ok) {
    let message = `${res.status} ${res.statusText}`;
    let source: MeshSourceErrorBody | undefined;
    try {
      const body = (await res.json()) as ApiErrorResponse | MeshApiErrorResponse;
      message = body.error.message;
      if ('source' in body.error) source = body.error.source;
    } catch {
      // Not our JSON error body: keep the status line.
    }
    throw new ApiRequestError(message, res.status, source);
  }
  return res;
}

/** GETs a JSON API response (typed by the wire contract). */
export async function getJson<T>(path: string): Promise<T> {
  return (await request(path)).json() as Promise<T>;
}

/** GETs a response body as a Blob (raw dumps go to the parse worker untouched). */
export async function getBlob(path: string): Promise<Blob> {
  return (await request(path)).blob();
}

/** POSTs a file as the raw request body and reads the JSON answer (e.g. a bug-report upload). */
export async function postBlob<T>(path: string, blob: Blob): Promise<T> {
  const res = await request(path, {
    method: 'POST',
    body: blob,
    headers: { 'Content-Type': blob.type || 'application/octet-stream' },
  });
  return res.json() as Promise<T>;
}
