// KubernetesSource's logic over the demo simulator. There is no Kubernetes API server here, so the
// three cluster operations are simulated: pods are objects built from the demo mesh, port-forward
// pipes the tunnel's TCP connection to the simulator's real admin / istiod ports, and exec returns
// what pilot-agent prints. Everything after them (tunnels, HTTP clients, fallback) is the real code.
import net from 'node:net';
import type { V1Pod } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fail, ok } from '../SourceError';
import { startDemoMeshSimulator, type DemoSimulator } from '../demo/startDemoMeshSimulator';
import { generateDemoMesh } from '@meshlens/demo-mesh';
import { KubernetesSource, type KubernetesOps } from './KubernetesSource';

const mesh = generateDemoMesh();

function podsOf(sim: DemoSimulator): V1Pod[] {
  const proxyPods: V1Pod[] = mesh.proxies.map((p) => ({
    metadata: { name: p.podName, namespace: p.namespace, labels: { app: p.app } },
    spec: {
      containers: [
        { name: p.app },
        {
          name: 'istio-proxy',
          image: 'docker.io/istio/proxyv2:1.24.2',
          args: ['proxy', p.proxyType],
        },
      ],
    },
    status: { phase: 'Running', podIP: p.ip },
  }));
  return [
    ...proxyPods,
    {
      metadata: { name: sim.istiodName, namespace: 'istio-system', labels: { app: 'istiod' } },
      spec: { containers: [{ name: 'discovery' }] },
      status: { phase: 'Running' },
    },
  ];
}

describe('KubernetesSource (Kubernetes API simulated: no API server here)', () => {
  let sim: DemoSimulator;
  let source: KubernetesSource;
  const forwards: string[] = [];
  const execs: string[] = [];
  // The pod whose port-forward is refused, to exercise the exec fallback.
  const blocked = mesh.proxies.find((p) => p.app === 'details')!;

  beforeAll(async () => {
    sim = await startDemoMeshSimulator(mesh);
    const portOf = (namespace: string, pod: string, port: number): number => {
      const url =
        port === 15014
          ? sim.istiodUrl
          : sim.proxies.find((p) => p.id === `${pod}.${namespace}`)?.adminUrl;
      if (!url) throw new Error(`no such pod port ${namespace}/${pod}:${port}`);
      return Number(new URL(url).port);
    };
    const ops: KubernetesOps = {
      describe: 'context simulated (no API server)',
      listPods: () => Promise.resolve(ok(podsOf(sim))),
      forward: (namespace, pod, port, socket) => {
        forwards.push(`${namespace}/${pod}:${port}`);
        if (pod === blocked.podName) return Promise.reject(new Error('port-forward refused'));
        const upstream = net.connect(portOf(namespace, pod, port), '127.0.0.1');
        socket.pipe(upstream).pipe(socket);
        upstream.on('error', () => socket.destroy());
        return Promise.resolve();
      },
      exec: (namespace, pod, container, command) => {
        execs.push(`${namespace}/${pod}/${container}: ${command.join(' ')}`);
        const p = mesh.proxies.find((x) => x.podName === pod && x.namespace === namespace);
        return Promise.resolve(
          p
            ? ok(`200 OK\n${JSON.stringify(p.dump, null, 2)}\n`)
            : fail({ kind: 'network', message: 'no pod', advice: '' }),
        );
      },
    };
    source = new KubernetesSource(ops, { timeoutMs: 5000 });
  });
  afterAll(async () => {
    await source.close();
    await sim.close();
  });

  it('discovers the proxies from pods and their sync state from istiod over a port-forward to 15014', async () => {
    const list = await source.listProxies();
    if (!list.ok) throw new Error(list.error.message);
    expect(list.value.warnings).toEqual([]);
    expect(list.value.proxies.map((p) => p.id)).toEqual(
      mesh.proxies.map((p) => `${p.podName}.${p.namespace}`).sort(),
    );
    expect(list.value.proxies.filter((p) => p.sync?.CDS === 'STALE').map((p) => p.name)).toEqual([
      expect.stringMatching(/^reviews-v2-/),
    ]);
    expect(
      list.value.proxies.every((p) => p.istiod === sim.istiodName && p.istioVersion === '1.24.2'),
    ).toBe(true);
    expect(forwards).toContain(`istio-system/${sim.istiodName}:15014`);
  });

  it('reads a config dump over a port-forward to 15000', async () => {
    const p = mesh.proxies.find((x) => x.app === 'productpage')!;
    const dump = await source.getConfigDump(`${p.podName}.${p.namespace}`);
    if (!dump.ok) throw new Error(dump.error.message);
    expect(dump.value.dump.node?.podName).toBe(p.podName);
    expect(forwards).toContain(`${p.namespace}/${p.podName}:15000`);
  });

  it('falls back to pilot-agent over exec when the port-forward fails, stripping the status line', async () => {
    const dump = await source.getConfigDump(`${blocked.podName}.${blocked.namespace}`);
    if (!dump.ok) throw new Error(dump.error.message);
    expect(dump.value.dump.node?.podName).toBe(blocked.podName);
    expect(execs).toEqual([
      `${blocked.namespace}/${blocked.podName}/istio-proxy: pilot-agent request GET config_dump?include_eds`,
    ]);
  });

  it("asks the proxy's istiod what it would send", async () => {
    const p = mesh.proxies.find((x) => x.app === 'reviews' && x.version === 'v2')!;
    const dump = await source.getIstiodConfigDump(`${p.podName}.${p.namespace}`);
    expect(dump.ok).toBe(true);
  });

  it('answers unknown proxies with not_found', async () => {
    const r = await source.getClusterStatuses('ghost-1.nowhere');
    expect(r.ok ? 'ok' : r.error.kind).toBe('not_found');
  });
});
