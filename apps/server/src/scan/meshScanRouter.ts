import type { MeshScanResponse } from '@meshlens/contract';
import { Router } from 'express';
import type { MeshScanner } from './MeshScanner';

/** `?since=N`: a non-negative integer cursor, anything else reads from the start. */
function sinceOf(value: unknown): number {
  const n = typeof value === 'string' ? Number(value) : 0;
  return Number.isInteger(n) && n > 0 ? n : 0;
}

/**
 * The scan endpoints, mounted at `/scan` of a mesh API: `POST /` starts (or joins) the scan,
 * `GET /?since=N` polls progress and the results finished after cursor N, `POST /cancel` cancels.
 * Polling rather than Server-Sent Events: the web app's calls carry `Authorization: Bearer`, which
 * `EventSource` cannot send.
 */
export function createMeshScanRouter(scanner: MeshScanner): Router {
  const router = Router();
  router.post('/', (_req, res) => {
    const { scan, joined } = scanner.start();
    const body: MeshScanResponse = { scan, joined };
    res
      .status(joined ? 200 : 202)
      .set('cache-control', 'no-store')
      .json(body);
  });
  router.get('/', (req, res) => {
    const body: MeshScanResponse = { scan: scanner.status(sinceOf(req.query.since)) };
    res.set('cache-control', 'no-store').json(body);
  });
  router.post('/cancel', (_req, res) => {
    const body: MeshScanResponse = { scan: scanner.cancel() };
    res.set('cache-control', 'no-store').json(body);
  });
  return router;
}
