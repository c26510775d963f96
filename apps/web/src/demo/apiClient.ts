import type { ApiErrorResponse } from '@meshlens/contract';

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

async function request(path: string): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(path, { headers: authHeaders() });
  } catch {
    throw new Error('The Meshlens server cannot be reached. Is `meshlens serve` still running?');
  }
  if (res.status === 401) {
    throw new Error(
      'This server needs its access token: open the link `meshlens serve` printed (it ends in #token=…).',
    );
  }
  if (!res.ok) {
    let message = `${res.status} ${res.statusText}`;
    try {
      message = ((await res.json()) as ApiErrorResponse).error.message;
    } catch {
      // Not our JSON error body: keep the status line.
    }
    throw new Error(message);
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
