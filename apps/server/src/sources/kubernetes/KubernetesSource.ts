import { Writable } from 'node:stream';
import { CoreV1Api, Exec, PortForward, type KubeConfig, type V1Pod } from '@kubernetes/client-node';
import type { JsonValue } from '@meshlens/configdump';
import type { IstioConfigObject, RegistryService } from '@meshlens/istiod';
import { EnvoyAdminClient, parseFetchedDump } from '../EnvoyAdminClient';
import type { LiveSourceOptions } from '../EnvoyAdminSource';
import { unknownProxy } from '../EnvoyAdminSource';
import { IstiodClient } from '../IstiodClient';
import type {
  FetchedConfigDump,
  MeshProxy,
  MeshSource,
  ProxyList,
  SourceDescription,
} from '../MeshSource';
import { fail, formatSourceError, ok, type SourceResult } from '../SourceError';
import { DEFAULT_TIMEOUT_MS, formatDuration } from '../parseDuration';
import { DEFAULT_CONCURRENCY, mapBounded } from '../semaphore';
import {
  discoverIstiods,
  discoverProxies,
  type DiscoveredIstiod,
  type DiscoveredProxy,
} from './discoverMesh';
import { openTunnel, type ForwardFn, type Tunnel } from './openTunnel';
import { stripPilotAgentOutput } from './stripPilotAgentOutput';
import type { KubeAccess } from './loadKubeConfig';

/** Runs a command in a container and returns its stdout. */
export type ExecFn = (
  namespace: string,
  pod: string,
  container: string,
  command: string[],
) => Promise<SourceResult<string>>;

/** The cluster operations the source needs; injectable so the logic can be exercised without an API server. */
export interface KubernetesOps {
  listPods(): Promise<SourceResult<V1Pod[]>>;
  forward: ForwardFn;
  exec: ExecFn;
  /** E.g. `context kind-demo (https://127.0.0.1:6443)`. */
  describe: string;
}

const ENVOY_ADMIN_PORT = 15000;
const ISTIOD_DEBUG_PORT = 15014;

/** The real operations over a kubeconfig. */
export function kubernetesOps(kc: KubeConfig, timeoutMs = DEFAULT_TIMEOUT_MS): KubernetesOps {
  const core = kc.makeApiClient(CoreV1Api);
  const portForward = new PortForward(kc);
  const exec = new Exec(kc);
  const server = kc.getCurrentCluster()?.server ?? 'unknown server';
  return {
    describe: `context ${kc.getCurrentContext()} (${server})`,
    async listPods() {
      try {
        const list = await core.listPodForAllNamespaces({
          timeoutSeconds: Math.ceil(timeoutMs / 1000),
        });
        return ok(list.items);
      } catch (err) {
        const message = err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err);
        const forbidden = /403|forbidden/i.test(message);
        return fail({
          kind: forbidden ? 'http_status' : 'network',
          url: server,
          message: `listing pods failed: ${message}`,
          advice: forbidden
            ? 'The credentials lack read access to pods: bind the meshlens-reader ClusterRole (apps/server/src/sources/kubernetes/RBAC.md).'
            : 'Check that the cluster is reachable (kubectl get pods -A).',
        });
      }
    },
    async forward(namespace, pod, port, socket) {
      await portForward.portForward(namespace, pod, [port], socket, null, socket);
    },
    exec(namespace, pod, container, command) {
      return new Promise((resolve) => {
        let stdout = '';
        let stderr = '';
        const sink = (append: (s: string) => void): Writable =>
          new Writable({
            write(chunk: Buffer, _enc, done) {
              append(chunk.toString('utf8'));
              done();
            },
          });
        const timer = setTimeout(
          () =>
            resolve(
              fail({
                kind: 'timeout',
                url: `exec ${namespace}/${pod}`,
                message: `no answer after ${formatDuration(timeoutMs)}`,
                advice: 'Raise --timeout.',
              }),
            ),
          timeoutMs,
        );
        exec
          .exec(
            namespace,
            pod,
            container,
            command,
            sink((s) => (stdout += s)),
            sink((s) => (stderr += s)),
            null,
            false,
            (status) => {
              clearTimeout(timer);
              if (status.status === 'Success') resolve(ok(stdout));
              else
                resolve(
                  fail({
                    kind: 'network',
                    url: `exec ${namespace}/${pod}`,
                    message: `${command.join(' ')} failed: ${status.message ?? stderr.trim()}`,
                    advice: 'Check that the pods/exec permission is granted.',
                  }),
                );
            },
          )
          .catch((err: unknown) => {
            clearTimeout(timer);
            resolve(
              fail({
                kind: 'network',
                url: `exec ${namespace}/${pod}`,
                message: `exec failed: ${String(err)}`,
                advice: 'Check that the pods/exec permission is granted.',
              }),
            );
          });
      });
    },
  };
}

/**
 * The mesh of a Kubernetes cluster: proxies are the running pods with an `istio-proxy` container;
 * sync states come from each istiod's `/debug/syncz` over a port-forward to 15014; config dumps
 * from each proxy's admin port 15000 over a port-forward, falling back to `pilot-agent request GET
 * config_dump` over exec when port-forwarding fails.
 */
export class KubernetesSource implements MeshSource {
  private readonly ops: KubernetesOps;
  private readonly limits: LiveSourceOptions;
  private readonly tunnels = new Map<string, Promise<Tunnel>>();
  private proxies = new Map<string, DiscoveredProxy>();
  private istiods: DiscoveredIstiod[] = [];
  private readonly istiodOf = new Map<string, DiscoveredIstiod>();

  constructor(ops: KubernetesOps, limits: LiveSourceOptions = {}) {
    this.ops = ops;
    this.limits = limits;
  }

  get concurrency(): number {
    return this.limits.concurrency ?? DEFAULT_CONCURRENCY;
  }

  private tunnel(namespace: string, pod: string, port: number): Promise<Tunnel> {
    const key = `${namespace}/${pod}:${port}`;
    let t = this.tunnels.get(key);
    if (!t) {
      t = openTunnel(this.ops.forward, namespace, pod, port);
      this.tunnels.set(key, t);
    }
    return t;
  }

  private async istiodClient(istiod: DiscoveredIstiod): Promise<IstiodClient> {
    const t = await this.tunnel(istiod.namespace, istiod.name, ISTIOD_DEBUG_PORT);
    return new IstiodClient(t.url, this.limits, istiod.name);
  }

  async listProxies(): Promise<SourceResult<ProxyList>> {
    const pods = await this.ops.listPods();
    if (!pods.ok) return pods;
    const discovered = discoverProxies(pods.value);
    this.proxies = new Map(discovered.map((p) => [p.id, p]));
    this.istiods = discoverIstiods(pods.value);
    const warnings: string[] = [];
    if (this.istiods.length === 0)
      warnings.push('no running istiod pod (app=istiod) found: sync states are unknown');
    const syncs = await mapBounded(
      this.istiods,
      this.limits.concurrency ?? DEFAULT_CONCURRENCY,
      async (istiod) => ({
        istiod,
        result: await (await this.istiodClient(istiod)).syncz(),
      }),
    );
    const statusOf = new Map<string, MeshProxy['sync']>();
    for (const { istiod, result } of syncs) {
      if (!result.ok) {
        warnings.push(
          `istiod ${istiod.namespace}/${istiod.name}: ${formatSourceError(result.error)}`,
        );
        continue;
      }
      for (const s of result.value) {
        statusOf.set(s.proxyId, s.states);
        this.istiodOf.set(s.proxyId, istiod);
      }
    }
    const proxies: MeshProxy[] = discovered.map((p) => {
      const proxy: MeshProxy = { id: p.id, name: p.name, namespace: p.namespace, type: p.type };
      if (p.istioVersion) proxy.istioVersion = p.istioVersion;
      const sync = statusOf.get(p.id);
      if (sync) proxy.sync = sync;
      const istiod = this.istiodOf.get(p.id);
      if (istiod) proxy.istiod = istiod.name;
      return proxy;
    });
    return ok({ proxies, warnings });
  }

  private async proxy(id: string): Promise<DiscoveredProxy | undefined> {
    if (!this.proxies.has(id)) await this.listProxies();
    return this.proxies.get(id);
  }

  async getConfigDump(proxyId: string): Promise<SourceResult<FetchedConfigDump>> {
    const p = await this.proxy(proxyId);
    if (!p) return unknownProxy(proxyId);
    const t = await this.tunnel(p.namespace, p.name, ENVOY_ADMIN_PORT);
    const viaForward = await new EnvoyAdminClient(t.url, this.limits).configDump();
    if (
      viaForward.ok ||
      !['refused', 'reset', 'network', 'timeout'].includes(viaForward.error.kind)
    )
      return viaForward;
    // Port-forward failed (blocked, or the admin port bound elsewhere): ask pilot-agent inside the pod.
    const out = await this.ops.exec(p.namespace, p.name, p.container, [
      'pilot-agent',
      'request',
      'GET',
      'config_dump?include_eds',
    ]);
    if (!out.ok) {
      return fail({
        ...viaForward.error,
        message: `${viaForward.error.message}; the exec fallback failed too: ${out.error.message}`,
      });
    }
    const stripped = stripPilotAgentOutput(out.value);
    if (!stripped.ok)
      return fail({
        kind: 'malformed',
        url: `exec ${p.namespace}/${p.name}`,
        message: stripped.message,
        advice: 'Check the istio-proxy container logs.',
      });
    return parseFetchedDump(
      stripped.json,
      `exec ${p.namespace}/${p.name}: pilot-agent request GET config_dump`,
      'pilot-agent config_dump',
    );
  }

  async getClusterStatuses(proxyId: string): Promise<SourceResult<JsonValue>> {
    const p = await this.proxy(proxyId);
    if (!p) return unknownProxy(proxyId);
    const t = await this.tunnel(p.namespace, p.name, ENVOY_ADMIN_PORT);
    return new EnvoyAdminClient(t.url, this.limits).clusters();
  }

  async getIstiodConfigDump(proxyId: string): Promise<SourceResult<FetchedConfigDump>> {
    if (!this.istiodOf.has(proxyId)) await this.listProxies();
    const istiod = this.istiodOf.get(proxyId) ?? this.istiods[0];
    if (!istiod)
      return fail({
        kind: 'not_found',
        message: 'no running istiod pod found',
        advice: 'Check kubectl get pods -A -l app=istiod.',
      });
    return (await this.istiodClient(istiod)).configDump(proxyId);
  }

  getServices(): Promise<SourceResult<RegistryService[]>> {
    return this.askIstiod((c) => c.services());
  }

  getIstioConfig(): Promise<SourceResult<IstioConfigObject[]>> {
    return this.askIstiod((c) => c.configObjects());
  }

  private async askIstiod<T>(
    call: (client: IstiodClient) => Promise<SourceResult<T>>,
  ): Promise<SourceResult<T>> {
    if (this.istiods.length === 0) {
      const list = await this.listProxies();
      if (!list.ok) return list;
    }
    const istiod = this.istiods[0];
    if (!istiod) {
      return fail({
        kind: 'not_found',
        message: 'no running istiod pod found',
        advice: 'Check kubectl get pods -A -l app=istiod.',
      });
    }
    return call(await this.istiodClient(istiod));
  }

  describe(): SourceDescription {
    return {
      kind: 'kubernetes',
      summary: `Kubernetes ${this.ops.describe}`,
      targets: [this.ops.describe],
    };
  }

  async close(): Promise<void> {
    const tunnels = [...this.tunnels.values()];
    this.tunnels.clear();
    await Promise.all(tunnels.map(async (t) => (await t).close()));
  }
}

/** `createMeshSource`'s Kubernetes factory: loads the kubeconfig and returns the source. */
export async function createKubernetesSource(
  config: KubeAccess & { timeoutMs?: number; concurrency?: number },
): Promise<SourceResult<MeshSource>> {
  const { loadKubeConfig } = await import('./loadKubeConfig');
  const kc = loadKubeConfig(config);
  if (!kc.ok) return kc;
  const limits: LiveSourceOptions = {
    ...(config.timeoutMs !== undefined ? { timeoutMs: config.timeoutMs } : {}),
    ...(config.concurrency !== undefined ? { concurrency: config.concurrency } : {}),
  };
  return ok(new KubernetesSource(kubernetesOps(kc.value, config.timeoutMs), limits));
}
