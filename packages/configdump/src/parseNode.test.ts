import { describe, expect, it } from 'vitest';
import { envoyVersionOf, parseNode } from './parseNode';

describe('parseNode', () => {
  it('reads proxy type, pod, namespace and IP from an Istio node id', () => {
    for (const t of ['sidecar', 'router', 'waypoint', 'ztunnel'] as const) {
      const n = parseNode({
        id: `${t}~10.1.2.3~reviews-v1-abc.bookinfo~bookinfo.svc.cluster.local`,
      });
      expect(n).toMatchObject({
        proxyType: t,
        podName: 'reviews-v1-abc',
        namespace: 'bookinfo',
        ip: '10.1.2.3',
      });
    }
  });

  it('prefers metadata NAME / NAMESPACE / INSTANCE_IPS over the id', () => {
    const n = parseNode({
      id: 'sidecar~10.0.0.1~a.b~b.svc.cluster.local',
      cluster: 'a.b',
      metadata: {
        NAME: 'pod-x',
        NAMESPACE: 'ns-x',
        INSTANCE_IPS: '10.9.9.9,fe80::1',
        ISTIO_VERSION: '1.3.0',
        ISTIO_PROXY_SHA: 'istio-proxy:abc123',
        MESH_ID: 'mesh1',
        CLUSTER_ID: 'Kubernetes',
        LABELS: { app: 'x', version: 'v1', bad: 3 },
      },
    });
    expect(n).toMatchObject({
      cluster: 'a.b',
      podName: 'pod-x',
      namespace: 'ns-x',
      ip: '10.9.9.9',
      istioVersion: '1.3.0',
      istioProxySha: 'abc123',
      meshId: 'mesh1',
      clusterId: 'Kubernetes',
      labels: { app: 'x', version: 'v1' },
    });
  });

  it('leaves non-Istio nodes as unknown without inventing a pod', () => {
    const n = parseNode({ id: 'envoy-proxy-ee37a5ff072b', cluster: 'default/gw' });
    expect(n.proxyType).toBe('unknown');
    expect(n.podName).toBeUndefined();
    expect(n.namespace).toBeUndefined();
  });
});

describe('envoyVersionOf', () => {
  it('formats user_agent_build_version the way istioctl prints it', () => {
    expect(
      envoyVersionOf({
        userAgentBuildVersion: {
          version: { majorNumber: 1, minorNumber: 18, patch: 3 },
          metadata: {
            'build.type': 'RELEASE',
            'revision.status': 'Clean',
            'ssl.version': 'BoringSSL',
          },
        },
      }),
    ).toBe('1.18.3/Clean/RELEASE/BoringSSL');
    expect(
      envoyVersionOf({
        user_agent_build_version: {
          version: { major_number: 1, minor_number: 26 },
          metadata: { 'build.label': 'dev', 'build.type': 'RELEASE' },
        },
      }),
    ).toBe('1.26.0-dev/RELEASE');
  });

  it('falls back to build_version without its sha, then to the zero version', () => {
    expect(envoyVersionOf({ build_version: 'a975561b/1.11.0-dev/Clean/RELEASE/BoringSSL' })).toBe(
      '1.11.0-dev/Clean/RELEASE/BoringSSL',
    );
    expect(envoyVersionOf({ id: 'x' })).toBe('0.0.0');
  });
});
