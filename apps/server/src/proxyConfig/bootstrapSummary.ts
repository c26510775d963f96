import type { ProxyNode } from '@meshlens/configdump';

/**
 * `proxy-config bootstrap -o short`: the Istio version, the istio-proxy build SHA (without the
 * `istio-proxy:` prefix Istio adds) and the Envoy version. istioctl builds the Envoy version from
 * `user_agent_build_version` and prints `0.0.0` when the node has none; older (v2) nodes only
 * carry `build_version`, which the model also exposes as `envoyVersion`.
 */
export function bootstrapSummary(node: ProxyNode | undefined): string {
  const istio = node?.istioVersion ?? '';
  const sha = (node?.istioProxySha ?? '').replace(/^istio-proxy:/, '');
  const envoy = node === undefined ? '' : (node.envoyVersion ?? '0.0.0');
  return `Istio Version:       ${istio}\nIstio Proxy Version: ${sha}\nEnvoy Version:       ${envoy}\n`;
}
