import { describe, expect, it } from 'vitest';
import { listedProxyWorkload, workloadOfPod } from './proxyWorkload';

describe('workloads of proxies known only from the proxy list', () => {
  it('drops the ReplicaSet hash and pod suffix', () => {
    expect(workloadOfPod('reviews-v2-5b8c7d9f4-abcde')).toBe('reviews-v2');
    expect(workloadOfPod('reviews-v2-5b8c7d9f4-abcde', '5b8c7d9f4')).toBe('reviews-v2');
    expect(workloadOfPod('mysqldb-0')).toBe('mysqldb-0');
  });

  it('reads app and version from the longest service name prefixing the workload', () => {
    const wl = listedProxyWorkload(
      { name: 'reviews-canary-v2-5b8c7d9f4-abcde', namespace: 'shop', type: 'sidecar' },
      ['reviews', 'reviews-canary', 'ratings'],
    );
    expect(wl).toMatchObject({
      name: 'reviews-canary-v2',
      app: 'reviews-canary',
      version: 'v2',
      labels: { app: 'reviews-canary', version: 'v2' },
      proxyName: 'reviews-canary-v2-5b8c7d9f4-abcde.shop',
      labelsInferred: true,
    });
  });

  it('keeps the whole name as app when the rest is not a version', () => {
    const wl = listedProxyWorkload(
      { name: 'reviews-worker-5b8c7d9f4-abcde', namespace: 'shop', type: 'sidecar' },
      ['reviews'],
    );
    expect(wl.app).toBe('reviews-worker');
    expect(wl.version).toBeUndefined();
  });

  it("labels Istio's gateway pods the way its charts do", () => {
    const wl = listedProxyWorkload(
      { name: 'istio-ingressgateway-6b7f9c8d5-x1y2z', namespace: 'istio-system', type: 'router' },
      ['istio-ingressgateway'],
    );
    expect(wl.labels).toEqual({ app: 'istio-ingressgateway', istio: 'ingressgateway' });
  });
});
