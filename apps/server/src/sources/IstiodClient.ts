import type { JsonValue } from '@meshlens/configdump';
import {
  parseConfigz,
  parseRegistryz,
  parseSyncz,
  type DebugResult,
  type IstioConfigObject,
  type ProxySyncStatus,
  type RegistryService,
} from '@meshlens/istiod';
import { fail, ok, type SourceError, type SourceResult } from './SourceError';
import { parseFetchedDump } from './EnvoyAdminClient';
import type { FetchedConfigDump } from './MeshSource';
import { getJson, getText, type EndpointContext } from './getJson';
import type { HttpLimits, HttpResponse } from './httpGet';
import { isValidProxyId } from './proxyId';

/** What to do when istiod refuses its debug endpoints over plain HTTP. */
export const DEBUG_DISABLED_ADVICE =
  'Hardened istiod installs set ENABLE_DEBUG_ON_HTTP=false, so /debug/* on port 15014 refuses plain HTTP. Either enable it ' +
  '(kubectl -n istio-system set env deploy/istiod ENABLE_DEBUG_ON_HTTP=true, then kubectl -n istio-system port-forward ' +
  'deploy/istiod 15014 and --istiod http://127.0.0.1:15014), or keep it off and read the same data over the authenticated ' +
  'XDS debug path (istioctl x internal-debug syncz > syncz.json, then meshlens proxy-status --file syncz.json) or from an ' +
  'istioctl bug-report archive.';

/** istiod's answers when debug-over-HTTP is off: 401/403, or a body naming the flag. */
function interpretIstiodStatus(
  response: HttpResponse,
  url: string,
): SourceResult<never> | undefined {
  const mentionsFlag = /ENABLE_DEBUG_ON_HTTP|debug.{0,20}(disabled|not enabled)/i.test(
    response.body,
  );
  if (response.status === 401 || response.status === 403 || mentionsFlag) {
    const error: SourceError = {
      kind: 'debug_disabled',
      url,
      status: response.status,
      message: `istiod refused its debug endpoint (HTTP ${response.status}${mentionsFlag ? ', debug over HTTP is disabled' : ''})`,
      advice: DEBUG_DISABLED_ADVICE,
    };
    return fail(error);
  }
  return undefined;
}

const context = (what: string): EndpointContext => ({
  what: `istiod ${what}`,
  notFoundAdvice:
    "This does not look like istiod's debug port: point --istiod at port 15014 (kubectl -n istio-system port-forward deploy/istiod 15014).",
  interpretStatus: interpretIstiodStatus,
});

/** Reads one istiod's HTTP debug port (`http://host:15014`). The base URL comes from configuration only. */
export class IstiodClient {
  readonly baseUrl: string;
  /** Instance name shown in the ISTIOD column (pod name, or the host when unknown). */
  readonly name: string;
  private readonly limits: HttpLimits;

  constructor(baseUrl: string, limits: HttpLimits = {}, name?: string) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.limits = limits;
    this.name = name ?? safeHost(this.baseUrl);
  }

  /** `/debug/syncz`, parsed. */
  async syncz(): Promise<SourceResult<ProxySyncStatus[]>> {
    const url = `${this.baseUrl}/debug/syncz`;
    const text = await getText(url, this.limits, context('/debug/syncz'));
    if (!text.ok) return text;
    return this.parseSynczText(text.value, url);
  }

  /** Parses a syncz body as if it came from this istiod (also used for `--file`). */
  parseSynczText(text: string, url: string): SourceResult<ProxySyncStatus[]> {
    const parsed = parseSyncz(text, { istiod: this.name });
    if (parsed.ok) return ok(parsed.value);
    return fail({
      kind: 'malformed',
      url,
      message: parsed.error.message,
      advice: 'Expected the JSON array istiod serves at /debug/syncz; check the URL.',
      ...(parsed.error.line !== undefined ? { line: parsed.error.line } : {}),
      ...(parsed.error.column !== undefined ? { column: parsed.error.column } : {}),
    });
  }

  /** `/debug/registryz`: the service registry. */
  registryz(): Promise<SourceResult<JsonValue>> {
    return getJson(`${this.baseUrl}/debug/registryz`, this.limits, context('/debug/registryz'));
  }

  /** `/debug/configz`: the Istio config objects istiod knows. */
  configz(): Promise<SourceResult<JsonValue>> {
    return getJson(`${this.baseUrl}/debug/configz`, this.limits, context('/debug/configz'));
  }

  /** `/debug/registryz`, parsed. */
  services(): Promise<SourceResult<RegistryService[]>> {
    return this.getParsed('/debug/registryz', parseRegistryz);
  }

  /** `/debug/configz`, parsed. */
  configObjects(): Promise<SourceResult<IstioConfigObject[]>> {
    return this.getParsed('/debug/configz', parseConfigz);
  }

  /** A debug endpoint's JSON through its `@meshlens/istiod` parser; a parse failure names the URL. */
  private async getParsed<T>(
    path: string,
    parse: (json: JsonValue) => DebugResult<T>,
  ): Promise<SourceResult<T>> {
    const url = `${this.baseUrl}${path}`;
    const json = await getJson(url, this.limits, context(path));
    if (!json.ok) return json;
    const parsed = parse(json.value);
    return parsed.ok
      ? ok(parsed.value)
      : fail({
          kind: 'malformed',
          url,
          message: parsed.error.message,
          advice: "Check that the URL is istiod's debug port.",
        });
  }

  /** `/debug/config_dump?proxyID=<pod>.<namespace>`: what istiod would send that proxy. */
  async configDump(proxyId: string): Promise<SourceResult<FetchedConfigDump>> {
    if (!isValidProxyId(proxyId)) {
      return fail({
        kind: 'not_found',
        message: `"${proxyId}" is not a proxy id`,
        advice: 'Use <pod>.<namespace>.',
      });
    }
    const url = `${this.baseUrl}/debug/config_dump?proxyID=${encodeURIComponent(proxyId)}`;
    const text = await getText(url, this.limits, context('/debug/config_dump'));
    if (!text.ok) return text;
    return parseFetchedDump(text.value, url, 'istiod /debug/config_dump');
  }
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
