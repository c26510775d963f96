import type { ProxyNode } from '@meshlens/configdump';
import { describe, expect, it } from 'vitest';
import { bootstrapSummary } from './bootstrapSummary';

const node = (extra: Partial<ProxyNode>): ProxyNode => ({
  id: 'x',
  proxyType: 'sidecar',
  labels: {},
  raw: null,
  ...extra,
});

describe('bootstrap summary', () => {
  it('prints the three version lines, aligned as istioctl does', () => {
    expect(
      bootstrapSummary(
        node({
          istioVersion: '1.10.0',
          istioProxySha: 'istio-proxy:abc',
          envoyVersion: '1.18.3/Clean/RELEASE/BoringSSL',
        }),
      ),
    ).toBe(
      'Istio Version:       1.10.0\nIstio Proxy Version: abc\nEnvoy Version:       1.18.3/Clean/RELEASE/BoringSSL\n',
    );
  });

  it('a node without a build version reads 0.0.0, like istioctl', () => {
    expect(bootstrapSummary(node({})).split('\n')[2]).toBe('Envoy Version:       0.0.0');
  });
});
