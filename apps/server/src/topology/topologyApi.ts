// Everything the topology page reads, as one router for the server's `/api` router:
//   GET /api/topology/status   what is available (and, when traffic is not, how to get it)
//   GET /api/topology/config   the config graph of the mesh source
//   GET /api/namespaces/...    Kiali's graph API over Prometheus (when there is one)
// The two routers below match full `/api/...` paths (they are also mounted at a server root in
// tests), so requests get their `/api` prefix back while they pass through them.
import type { TopologyStatus } from '@meshlens/topology';
import { Router, type RequestHandler } from 'express';
import type { MeshSource } from '../sources/MeshSource';
import { createConfigTopologyRouter } from './configTopologyRouter';
import { DEFAULT_CLUSTER_NAME } from './graphRequest';
import { createKialiGraphRouter } from './kialiGraphRouter';

/** How the server reaches traffic data (`meshlens serve --prometheus ...`, or a demo Prometheus). */
export interface TopologyOptions {
  /** Prometheus base URL; absent = no traffic graph. */
  prometheusUrl?: string;
  /** Started by Meshlens for the demo mesh. */
  prometheusStarted?: boolean;
  /** `--cluster-name` (default Kubernetes, Kiali's). */
  clusterName?: string;
  /** `--accessible-namespaces` (`ns` or `cluster:ns`). */
  accessibleNamespaces?: readonly string[];
  /** Why there is no Prometheus and how to fix it, shown by the traffic view. */
  trafficUnavailable?: string;
}

/** The default explanation when no Prometheus is configured. */
export const NO_PROMETHEUS =
  'No Prometheus: start meshlens serve with --prometheus <URL> (the Prometheus your mesh scrapes), or, for the demo mesh, install Prometheus (Debian/Ubuntu: apt-get install prometheus) and restart meshlens serve.';

function withApiPrefix(router: Router): RequestHandler {
  return (req, res, next) => {
    const original = req.url;
    req.url = `/api${original}`;
    router(req, res, (err?: unknown) => {
      req.url = original;
      next(err);
    });
  };
}

/** The topology endpoints, to `use` inside the `/api` router. */
export function createTopologyApi(
  source: MeshSource | undefined,
  options: TopologyOptions = {},
): Router {
  const api = Router();
  const status: TopologyStatus = {
    config: source !== undefined,
    traffic: options.prometheusUrl !== undefined,
    clusterName: options.clusterName ?? DEFAULT_CLUSTER_NAME,
  };
  if (options.prometheusUrl !== undefined) {
    status.prometheus = options.prometheusUrl;
    if (options.prometheusStarted === true) status.prometheusStarted = true;
  } else {
    status.trafficUnavailable = options.trafficUnavailable ?? NO_PROMETHEUS;
  }
  api.get('/topology/status', (_req, res) => {
    res.json(status);
  });
  if (source) api.use(withApiPrefix(createConfigTopologyRouter({ source })));
  if (options.prometheusUrl !== undefined) {
    api.use(
      withApiPrefix(
        createKialiGraphRouter({
          prometheusUrl: options.prometheusUrl,
          clusterName: status.clusterName ?? DEFAULT_CLUSTER_NAME,
          ...(options.accessibleNamespaces
            ? { accessibleNamespaces: options.accessibleNamespaces }
            : {}),
        }),
      ),
    );
  } else {
    api.get(/^\/namespaces\/.*graph\/?$/, (_req, res) => {
      res.status(503).json({ error: status.trafficUnavailable });
    });
  }
  return api;
}
