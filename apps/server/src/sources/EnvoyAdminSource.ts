import type { JsonObject, JsonValue } from '@meshlens/configdump';
import type { IstioConfigObject, RegistryService } from '@meshlens/istiod';
import { EnvoyAdminClient } from './EnvoyAdminClient';
import type {
  FetchedConfigDump,
  MeshProxy,
  MeshSource,
  ProxyList,
  SourceDescription,
} from './MeshSource';
import { fail, ok, type SourceResult } from './SourceError';
import type { HttpLimits } from './httpGet';
import { parseNodeId, splitProxyId } from './proxyId';
import { DEFAULT_CONCURRENCY, mapBounded } from './semaphore';

/** One configured Envoy admin endpoint. */
export interface EnvoyAdminTarget {
  /** Admin base URL, e.g. `http://127.0.0.1:15000`. */
  url: string;
  /** The proxy id, when known in advance (otherwise read from `/server_info`). */
  id?: string;
}

/** Options shared by the live sources. */
export interface LiveSourceOptions extends HttpLimits {
  /** Proxies fetched at once. Default 8. */
  concurrency?: number;
}

const isObject = (v: JsonValue | undefined): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Any number of Envoy admin endpoints (`--envoy URL`, repeatable). Proxy identities come from each
 * admin's `/server_info` node; the other calls go to the matching admin. It knows nothing of
 * istiod, so `getIstiodConfigDump` is `not_available`.
 */
export class EnvoyAdminSource implements MeshSource {
  private readonly targets: { target: EnvoyAdminTarget; client: EnvoyAdminClient }[];
  private readonly byId = new Map<string, EnvoyAdminClient>();
  readonly concurrency: number;

  constructor(targets: readonly EnvoyAdminTarget[], options: LiveSourceOptions = {}) {
    this.concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
    this.targets = targets.map((target) => {
      const client = new EnvoyAdminClient(target.url, options);
      if (target.id) this.byId.set(target.id, client);
      return { target, client };
    });
  }

  async listProxies(): Promise<SourceResult<ProxyList>> {
    const proxies = await mapBounded(
      this.targets,
      this.concurrency,
      async ({ target, client }, i) => {
        const info = await client.serverInfo();
        const fallbackId = target.id ?? `envoy-${i + 1}.unknown`;
        if (!info.ok)
          return { ...proxyFromId(fallbackId, 'unknown'), error: info.error } satisfies MeshProxy;
        const proxy = proxyFromServerInfo(info.value, fallbackId);
        this.byId.set(proxy.id, client);
        return proxy;
      },
    );
    return ok({ proxies, warnings: [] });
  }

  /** The admin client of a proxy id, or undefined. Used by `IstiodSource` to pair istiod with Envoy. */
  async clientFor(proxyId: string): Promise<EnvoyAdminClient | undefined> {
    if (!this.byId.has(proxyId) && this.targets.some((t) => !t.target.id)) await this.listProxies();
    return this.byId.get(proxyId);
  }

  async getConfigDump(proxyId: string): Promise<SourceResult<FetchedConfigDump>> {
    const client = await this.clientFor(proxyId);
    return client ? client.configDump() : unknownProxy(proxyId);
  }

  async getClusterStatuses(proxyId: string): Promise<SourceResult<JsonValue>> {
    const client = await this.clientFor(proxyId);
    return client ? client.clusters() : unknownProxy(proxyId);
  }

  getIstiodConfigDump(proxyId: string): Promise<SourceResult<FetchedConfigDump>> {
    return Promise.resolve(
      fail({
        kind: 'not_available',
        message: `no istiod is configured, so what istiod would send ${proxyId} is unknown`,
        advice:
          'Add --istiod http://127.0.0.1:15014 (kubectl -n istio-system port-forward deploy/istiod 15014).',
      }),
    );
  }

  getServices(): Promise<SourceResult<RegistryService[]>> {
    return Promise.resolve(noIstiod('the service registry'));
  }

  getIstioConfig(): Promise<SourceResult<IstioConfigObject[]>> {
    return Promise.resolve(noIstiod('the Istio config objects'));
  }

  describe(): SourceDescription {
    const urls = this.targets.map((t) => t.client.baseUrl);
    return {
      kind: 'envoy',
      summary:
        urls.length === 1 ? `Envoy admin ${urls[0]}` : `${urls.length} Envoy admin endpoints`,
      targets: urls,
    };
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

function noIstiod<T>(what: string): SourceResult<T> {
  return fail({
    kind: 'not_available',
    message: `no istiod is configured, so ${what} is unknown`,
    advice:
      'Add --istiod http://127.0.0.1:15014 (kubectl -n istio-system port-forward deploy/istiod 15014).',
  });
}

export function unknownProxy<T>(proxyId: string): SourceResult<T> {
  return fail({
    kind: 'not_found',
    message: `no proxy "${proxyId}" in this source`,
    advice:
      'List the proxies (GET /api/mesh/proxies or meshlens proxy-status) and use one of their ids.',
  });
}

function proxyFromId(id: string, type: string): MeshProxy {
  const { name, namespace } = splitProxyId(id);
  return { id, name, namespace, type };
}

function proxyFromServerInfo(info: JsonValue, fallbackId: string): MeshProxy {
  const node = isObject(info) && isObject(info.node) ? info.node : undefined;
  const nodeId = node && typeof node.id === 'string' ? node.id : undefined;
  const parsed = nodeId ? parseNodeId(nodeId) : undefined;
  const proxy = proxyFromId(parsed?.proxyId ?? fallbackId, parsed?.type ?? 'unknown');
  const metadata = node && isObject(node.metadata) ? node.metadata : undefined;
  const version = metadata?.ISTIO_VERSION;
  if (typeof version === 'string') proxy.istioVersion = version;
  const clusterId = metadata?.CLUSTER_ID;
  if (typeof clusterId === 'string') proxy.clusterId = clusterId;
  return proxy;
}
