import type { JsonValue } from '@meshlens/configdump';
import { parseJsonText } from '@meshlens/istiod';
import { fail, ok, type SourceResult } from './SourceError';
import { httpGet, type HttpLimits, type HttpResponse } from './httpGet';

/** What the caller knows about the endpoint, to make HTTP errors actionable. */
export interface EndpointContext {
  /** What is being fetched, e.g. `Envoy admin /config_dump`. */
  what: string;
  /** Advice for a 404 (usually: is this the right port?). */
  notFoundAdvice: string;
  /** Optional endpoint-specific interpretation of an error status (istiod's debug-disabled answers). */
  interpretStatus?: (response: HttpResponse, url: string) => SourceResult<never> | undefined;
}

/** GET + status check, returning the body text. */
export async function getText(
  url: string,
  limits: HttpLimits,
  context: EndpointContext,
): Promise<SourceResult<string>> {
  const response = await httpGet(url, limits);
  if (!response.ok) return response;
  const r = response.value;
  if (r.status >= 200 && r.status < 300) return ok(r.body);
  const special = context.interpretStatus?.(r, url);
  if (special) return special;
  const snippet = r.body.trim().replace(/\s+/g, ' ').slice(0, 200);
  return fail({
    kind: 'http_status',
    url,
    status: r.status,
    message: `${context.what} answered HTTP ${r.status} ${r.statusText}${snippet ? `: ${snippet}` : ''}`,
    advice:
      r.status === 404
        ? context.notFoundAdvice
        : r.status >= 500
          ? 'The server failed; check its logs and retry.'
          : 'Check the URL and the server configuration.',
  });
}

/** GET + status check + JSON parse (syntax errors carry line:column). */
export async function getJson(
  url: string,
  limits: HttpLimits,
  context: EndpointContext,
): Promise<SourceResult<JsonValue>> {
  const text = await getText(url, limits, context);
  if (!text.ok) return text;
  const parsed = parseJsonText(text.value, `the ${context.what} response`);
  if (parsed.ok) return parsed;
  return fail({
    kind: 'malformed',
    url,
    message: parsed.error.message,
    advice:
      'The server sent something that is not the expected JSON; check that the URL points at the right endpoint and retry.',
    ...(parsed.error.line !== undefined ? { line: parsed.error.line } : {}),
    ...(parsed.error.column !== undefined ? { column: parsed.error.column } : {}),
  });
}
