import type { DemoProxySummary } from '@meshlens/contract';
import { describe, expect, it } from 'vitest';
import { pickInitialDemoProxies } from './pickDemoProxies';

function proxy(
  podName: string,
  app: string,
  proxyType: DemoProxySummary['proxyType'],
): DemoProxySummary {
  return {
    podName,
    app,
    proxyType,
    namespace: 'default',
    ip: '10.0.0.1',
    fileName: `${podName}.json`,
    configDumpUrl: `/api/demo/proxies/${podName}/config_dump`,
  };
}

describe('pickInitialDemoProxies', () => {
  it('picks productpage first, then the ingress gateway', () => {
    const list = [
      proxy('details-v1-1', 'details', 'sidecar'),
      proxy('istio-ingressgateway-1', 'istio-ingressgateway', 'router'),
      proxy('productpage-v1-1', 'productpage', 'sidecar'),
    ];
    expect(pickInitialDemoProxies(list).map((p) => p.podName)).toEqual([
      'productpage-v1-1',
      'istio-ingressgateway-1',
    ]);
  });

  it('falls back to the first proxy when neither is there', () => {
    expect(pickInitialDemoProxies([proxy('a', 'a', 'sidecar')]).map((p) => p.podName)).toEqual([
      'a',
    ]);
  });
});
