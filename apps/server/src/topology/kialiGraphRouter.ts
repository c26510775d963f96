// Express router answering Kiali's graph API paths with Kiali's parameters and JSON, so tools
// written for Kiali can read Meshlens:
//   GET /api/namespaces/graph
//   GET /api/namespaces/{ns}/workloads/{workload}/graph
//   GET /api/namespaces/{ns}/applications/{app}[/versions/{version}]/graph
//   GET /api/namespaces/{ns}/services/{service}/graph
import { Router, type Request, type Response } from 'express';
import { parseGraphPath } from '@meshlens/topology';
import { answerGraphRequest, type TopologySettings } from './graphRequest';
import { createPrometheusClient } from './prometheusClient';

/** Options of the router: a Prometheus URL (or a ready query function) plus Kiali's settings. */
export type KialiGraphRouterOptions = Omit<TopologySettings, 'query'> &
  (
    | { prometheusUrl: string; timeoutMs?: number; query?: undefined }
    | { query: TopologySettings['query']; prometheusUrl?: undefined }
  );

/** A router to mount at the server root (`app.use(createKialiGraphRouter({ prometheusUrl }))`). */
export function createKialiGraphRouter(options: KialiGraphRouterOptions): Router {
  const query =
    options.query ??
    createPrometheusClient({
      url: options.prometheusUrl,
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    });
  const settings: TopologySettings = { ...options, query };
  const router = Router();
  router.get(/^\/api\/namespaces\/.*graph\/?$/, (req: Request, res: Response, next) => {
    if (!parseGraphPath(req.path)) {
      next();
      return;
    }
    const params = new URLSearchParams(
      req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '',
    );
    answerGraphRequest(req.path, params, settings).then(
      (answer) => {
        res.status(answer.status).json(answer.body);
      },
      (err: unknown) => {
        res.status(500).json({ error: err instanceof Error ? err.message : String(err) });
      },
    );
  });
  return router;
}
