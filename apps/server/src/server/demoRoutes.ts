import type { ProxyType } from '@meshlens/configdump';
import type { DemoProxyListResponse, DemoProxySummary } from '@meshlens/contract';
import { Router } from 'express';
import { sendApiError } from './apiError';
import { type DemoMesh, demoServiceName } from './demoMeshSource';

const proxyTypes: readonly ProxyType[] = ['sidecar', 'router', 'waypoint', 'ztunnel', 'unknown'];

function asProxyType(s: string): ProxyType {
  return (proxyTypes as readonly string[]).includes(s) ? (s as ProxyType) : 'unknown';
}

/** The `/api/demo` routes over a demo mesh generated once, on first use. */
export function demoRoutes(loadMesh: () => DemoMesh): Router {
  let mesh: DemoMesh | undefined;
  const getMesh = (): DemoMesh => (mesh ??= loadMesh());
  const router = Router();

  router.get('/proxies', (_req, res) => {
    const m = getMesh();
    const proxies: DemoProxySummary[] = m.proxies.map((p) => ({
      podName: p.podName,
      namespace: p.namespace,
      proxyType: asProxyType(p.proxyType),
      ip: p.ip,
      app: p.app,
      ...(p.version !== undefined ? { version: p.version } : {}),
      fileName: p.fileName,
      configDumpUrl: `/api/demo/proxies/${encodeURIComponent(p.podName)}/config_dump`,
    }));
    const body: DemoProxyListResponse = {
      namespace: m.namespace,
      services: m.services.flatMap((s) => demoServiceName(s) ?? []),
      proxies,
    };
    res.json(body);
  });

  router.get('/proxies/:podName/config_dump', (req, res) => {
    const proxy = getMesh().proxies.find((p) => p.podName === req.params.podName);
    if (proxy === undefined) {
      sendApiError(res, 'not_found', `No demo proxy named "${req.params.podName}".`);
      return;
    }
    res.json(proxy.dump);
  });

  return router;
}
