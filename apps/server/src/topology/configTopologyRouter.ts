// GET /api/topology/config: the graph the configuration allows (registry + Istio config + every
// proxy dump of the mesh source), for the topology page's config view.
import { Router } from 'express';
import type { MeshSource } from '../sources/MeshSource';
import { readConfigTopology } from './configTopology';
import { ProxySummaryCache } from './proxySummaryCache';

/** A router to mount at the server root (`app.use(createConfigTopologyRouter({ source }))`). */
export function createConfigTopologyRouter(options: {
  source: MeshSource;
  concurrency?: number;
  /** Read every proxy dump up to this many proxies (default 100). */
  dumpLimit?: number;
}): Router {
  const router = Router();
  // One cache per source: summaries outlive a request (dumps of a large mesh are tens of MB each).
  const cache = new ProxySummaryCache(
    options.source,
    options.concurrency !== undefined ? { concurrency: options.concurrency } : {},
  );
  router.get('/api/topology/config', (_req, res) => {
    readConfigTopology(options.source, {
      cache,
      ...(options.dumpLimit !== undefined ? { dumpLimit: options.dumpLimit } : {}),
    }).then(
      (answer) => res.json(answer),
      (err: unknown) =>
        res.status(500).json({ error: err instanceof Error ? err.message : String(err) }),
    );
  });
  return router;
}
