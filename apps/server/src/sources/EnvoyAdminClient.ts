import { parseConfigDump, type JsonValue } from '@meshlens/configdump';
import { fail, ok, type SourceResult } from './SourceError';
import type { FetchedConfigDump } from './MeshSource';
import { getJson, getText, type EndpointContext } from './getJson';
import type { HttpLimits } from './httpGet';

const notFoundAdvice =
  'This does not look like an Envoy admin endpoint: point --envoy at the admin port (15000 in Istio sidecars, via kubectl port-forward).';

const context = (what: string): EndpointContext => ({
  what: `Envoy admin ${what}`,
  notFoundAdvice,
});

/** Reads one Envoy admin endpoint (`http://host:15000`). The base URL comes from configuration only. */
export class EnvoyAdminClient {
  readonly baseUrl: string;
  private readonly limits: HttpLimits;

  constructor(baseUrl: string, limits: HttpLimits = {}) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.limits = limits;
  }

  /** `/config_dump?include_eds`, parsed with `@meshlens/configdump`. */
  async configDump(): Promise<SourceResult<FetchedConfigDump>> {
    const url = `${this.baseUrl}/config_dump?include_eds`;
    const text = await getText(url, this.limits, context('/config_dump'));
    if (!text.ok) return text;
    return parseFetchedDump(text.value, url, 'Envoy admin /config_dump');
  }

  /** `/clusters?format=json`. */
  clusters(): Promise<SourceResult<JsonValue>> {
    return getJson(`${this.baseUrl}/clusters?format=json`, this.limits, context('/clusters'));
  }

  /** `/server_info` (version, state, node). */
  serverInfo(): Promise<SourceResult<JsonValue>> {
    return getJson(`${this.baseUrl}/server_info`, this.limits, context('/server_info'));
  }

  /** `/certs`. */
  certs(): Promise<SourceResult<JsonValue>> {
    return getJson(`${this.baseUrl}/certs`, this.limits, context('/certs'));
  }
}

/** Parses a fetched dump, turning a parse error into a `malformed` source error with line:column. */
export function parseFetchedDump(
  text: string,
  url: string,
  what: string,
): SourceResult<FetchedConfigDump> {
  const parsed = parseConfigDump(text);
  if (parsed.ok) return ok({ text, dump: parsed.dump });
  const { line, column } = parsed.error;
  const where = line !== undefined ? ` at line ${line}, column ${column ?? 0}` : '';
  return fail({
    kind: 'malformed',
    url,
    message: `the ${what} response is not a readable config dump${where}: ${parsed.error.message.split('\n')[0]?.slice(0, 200) ?? ''}`,
    advice:
      'Check that the URL points at the right endpoint; a truncated or proxied body can also cause this.',
    ...(line !== undefined ? { line } : {}),
    ...(column !== undefined ? { column } : {}),
  });
}
