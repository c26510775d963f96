import type { JsonValue } from '@meshlens/configdump';
import type { IstioConfigObject, ProxySyncStatus, RegistryService } from '@meshlens/istiod';
import type { EnvoyAdminSource } from './EnvoyAdminSource';
import { unknownProxy } from './EnvoyAdminSource';
import { IstiodClient } from './IstiodClient';
import type {
  FetchedConfigDump,
  MeshProxy,
  MeshSource,
  ProxyList,
  SourceDescription,
} from './MeshSource';
import { fail, formatSourceError, ok, type SourceResult } from './SourceError';
import type { LiveSourceOptions } from './EnvoyAdminSource';
import { splitProxyId } from './proxyId';
import { DEFAULT_CONCURRENCY, mapBounded } from './semaphore';

/** One configured istiod debug endpoint. */
export interface IstiodTarget {
  url: string;
  /** Instance name for the ISTIOD column (default: the URL's host). */
  name?: string;
}

/** Options of `IstiodSource`. */
export interface IstiodSourceOptions extends LiveSourceOptions {
  /** Envoy admin endpoints of the proxies, for what the proxies actually hold. */
  envoy?: EnvoyAdminSource;
}

/**
 * One or more istiod instances (`--istiod URL`): proxies and sync states from `/debug/syncz`,
 * istiod's side of the sync diff from `/debug/config_dump?proxyID=`. The proxy side (Envoy config
 * dumps, cluster statuses) comes from the optional Envoy admin source.
 */
export class IstiodSource implements MeshSource {
  readonly clients: IstiodClient[];
  private readonly envoy: EnvoyAdminSource | undefined;
  readonly concurrency: number;
  /** Which istiod last reported each proxy (for `getIstiodConfigDump`). */
  private readonly istiodOf = new Map<string, IstiodClient>();

  constructor(targets: readonly IstiodTarget[], options: IstiodSourceOptions = {}) {
    this.clients = targets.map((t) => new IstiodClient(t.url, options, t.name));
    this.envoy = options.envoy;
    this.concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  }

  async listProxies(): Promise<SourceResult<ProxyList>> {
    const results = await mapBounded(this.clients, this.concurrency, (client) => client.syncz());
    const proxies: MeshProxy[] = [];
    const warnings: string[] = [];
    const firstError = results.find((r) => !r.ok);
    results.forEach((result, i) => {
      const client = this.clients[i];
      if (!client) return;
      if (!result.ok) {
        warnings.push(`istiod ${client.name}: ${formatSourceError(result.error)}`);
        return;
      }
      for (const status of result.value) {
        this.istiodOf.set(status.proxyId, client);
        proxies.push(proxyFromStatus(status));
      }
    });
    // Every istiod failed: that is the answer, not an empty mesh.
    if (firstError && !firstError.ok && results.every((r) => !r.ok)) return firstError;
    return ok({ proxies, warnings });
  }

  async getConfigDump(proxyId: string): Promise<SourceResult<FetchedConfigDump>> {
    if (this.envoy) return this.envoy.getConfigDump(proxyId);
    return noEnvoy(proxyId);
  }

  async getClusterStatuses(proxyId: string): Promise<SourceResult<JsonValue>> {
    if (this.envoy) return this.envoy.getClusterStatuses(proxyId);
    return noEnvoy(proxyId);
  }

  async getIstiodConfigDump(proxyId: string): Promise<SourceResult<FetchedConfigDump>> {
    if (!this.istiodOf.has(proxyId)) await this.listProxies();
    const client = this.istiodOf.get(proxyId);
    return client ? client.configDump(proxyId) : unknownProxy(proxyId);
  }

  getServices(): Promise<SourceResult<RegistryService[]>> {
    return this.firstAnswer((c) => c.services());
  }

  getIstioConfig(): Promise<SourceResult<IstioConfigObject[]>> {
    return this.firstAnswer((c) => c.configObjects());
  }

  /** Every istiod instance shares one registry and config: the first that answers is enough. */
  private async firstAnswer<T>(
    call: (client: IstiodClient) => Promise<SourceResult<T>>,
  ): Promise<SourceResult<T>> {
    let last: SourceResult<T> = fail({
      kind: 'not_available',
      message: 'no istiod is configured',
      advice: 'Add --istiod URL.',
    });
    for (const client of this.clients) {
      last = await call(client);
      if (last.ok) return last;
    }
    return last;
  }

  describe(): SourceDescription {
    const urls = this.clients.map((c) => c.baseUrl);
    const envoy = this.envoy?.describe();
    const istiod = urls.length === 1 ? `istiod ${urls[0]}` : `${urls.length} istiod instances`;
    return {
      kind: 'istiod',
      summary: envoy ? `${istiod} + ${envoy.summary}` : istiod,
      targets: [...urls, ...(envoy?.targets ?? [])],
    };
  }

  async close(): Promise<void> {
    await this.envoy?.close();
  }
}

function proxyFromStatus(status: ProxySyncStatus): MeshProxy {
  const { name, namespace } = splitProxyId(status.proxyId);
  const proxy: MeshProxy = {
    id: status.proxyId,
    name,
    namespace,
    type: status.proxyType ?? 'unknown',
    sync: status.states,
  };
  const version =
    status.istioVersion ?? (status.proxyVersion ? `${status.proxyVersion}*` : undefined);
  if (version) proxy.istioVersion = version;
  if (status.istiod) proxy.istiod = status.istiod;
  if (status.clusterId) proxy.clusterId = status.clusterId;
  return proxy;
}

function noEnvoy<T>(proxyId: string): SourceResult<T> {
  return fail({
    kind: 'not_available',
    message: `istiod knows what it would send ${proxyId}, not what the proxy holds`,
    advice:
      'Add --envoy <admin URL> for this proxy (kubectl port-forward <pod> 15000), or use --kubeconfig.',
  });
}
