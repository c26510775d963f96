import type { DemoProxySummary } from '@meshlens/contract';

/** The demo opens productpage's sidecar and the ingress gateway first. */
export function pickInitialDemoProxies(proxies: readonly DemoProxySummary[]): DemoProxySummary[] {
  const productpage = proxies.find((p) => p.app === 'productpage' && p.proxyType === 'sidecar');
  const gateway =
    proxies.find((p) => p.proxyType === 'router' && p.app.includes('ingress')) ??
    proxies.find((p) => p.proxyType === 'router');
  const picked = [productpage, gateway].filter((p): p is DemoProxySummary => p !== undefined);
  return picked.length > 0 ? picked : proxies.slice(0, 1);
}
