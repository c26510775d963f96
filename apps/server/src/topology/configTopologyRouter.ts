// GET /api/topology/config: the graph the configuration allows (registry + Istio config + every
// proxy dump of the mesh source), for the topology page's config view.
import { Router } from 'express';
import type { MeshSource } from '../sources/MeshSource';
import { readConfigTopology } from './configTopology';

/** A router to mount at the server root (`app.use(createConfigTopologyRouter({ source }))`). */
export function createConfigTopologyRouter(options: {
  source: MeshSource;
  concurrency?: number;
}): Router {
  const router = Router();
  router.get('/api/topology/config', (_req, res) => {
    readConfigTopology(
      options.source,
      options.concurrency !== undefined ? { concurrency: options.concurrency } : {},
    ).then(
      (answer) => res.json(answer),
      (err: unknown) =>
        res.status(500).json({ error: err instanceof Error ? err.message : String(err) }),
    );
  });
  return router;
}
