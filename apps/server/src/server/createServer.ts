import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CapabilitiesResponse, HealthResponse } from '@meshlens/contract';
import { generateDemoMesh } from '@meshlens/demo-mesh';
import express, { type ErrorRequestHandler, type Express, Router } from 'express';
import { sendApiError } from './apiError';
import type { MeshSource } from '../sources/MeshSource';
import { createMeshRouter } from '../sources/meshRouter';
import { createTopologyApi, type TopologyOptions } from '../topology/topologyApi';
import { bearerAuth } from './bearerAuth';
import { bugReportUploads } from './bugReportUploads';
import type { DemoMesh } from './demoMeshSource';
import { demoRoutes } from './demoRoutes';
import { formatByteSize } from './parseByteSize';
import { securityHeaders } from './securityHeaders';
import { webDistDir } from './webPaths';
import type { SnapshotStore } from '../snapshots/SnapshotStore';
import { createSnapshotRouter } from '../snapshots/snapshotRouter';

/** Options of {@link createServer}. */
export interface ServerOptions {
  /** Folder of the built web app (default `apps/web/dist`). */
  webDir?: string;
  /** When set, every `/api` request needs `Authorization: Bearer <authToken>`. */
  authToken?: string | undefined;
  /** Source of the demo mesh (default: generated with certificates valid from now), called once. */
  demoMesh?: () => DemoMesh;
  /** Largest JSON request body accepted (Express `limit` syntax, default `1mb`). */
  jsonLimit?: string;
  /** Version reported by `/api/health`. */
  version?: string;
  /** The live mesh served under `/api/mesh` (demo simulator, istiod, Envoy admin...). */
  meshSource?: MeshSource;
  /** Largest upload (`POST /api/bug-report`), bytes (`--max-upload`, default 200 MB). */
  maxUploadBytes?: number;
  /** The topology page's traffic source (`--prometheus`...); the config topology reads `meshSource`. */
  topology?: TopologyOptions;
  /** Saved snapshots under `/api/snapshots` (`--data-dir` / `--database-url`). */
  snapshots?: SnapshotStore;
}

/** Default of `--max-upload`. */
export const DEFAULT_MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

/** Body-parser errors carry a `type`, an HTTP `status` and, when too large, the `limit`. */
function httpErrorOf(err: unknown): { status: number; type: string; limit?: number } | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const { status, type, limit } = err as { status?: unknown; type?: unknown; limit?: unknown };
  return typeof status === 'number'
    ? {
        status,
        type: typeof type === 'string' ? type : '',
        ...(typeof limit === 'number' ? { limit } : {}),
      }
    : undefined;
}

const apiErrors: ErrorRequestHandler = (err, req, res, _next) => {
  const http = httpErrorOf(err);
  if (http?.type === 'entity.too.large') {
    const limit = http.limit !== undefined ? ` of ${formatByteSize(http.limit)}` : '';
    sendApiError(
      res,
      'payload_too_large',
      req.path.startsWith('/bug-report')
        ? `The archive is larger than this server's upload limit${limit}. Start meshlens serve with a larger --max-upload (e.g. --max-upload 1gb), or pass the file with --bug-report <file>.`
        : `The request body is larger than the server accepts${limit}.`,
    );
  } else if (http !== undefined && http.status >= 400 && http.status < 500) {
    sendApiError(res, 'bad_request', 'The request body is not valid JSON.');
  } else {
    console.error(`meshlens: API error: ${err instanceof Error ? err.message : String(err)}`);
    sendApiError(res, 'internal', 'The server hit an unexpected error; see its log.');
  }
};

/** The Meshlens HTTP app: the JSON API under `/api` and the single-page web app everywhere else. */
export function createServer(options: ServerOptions = {}): Express {
  const webDir = options.webDir ?? webDistDir;
  const startedAt = Date.now();
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', 'strong');
  app.use(securityHeaders());

  const api = Router();
  if (options.authToken !== undefined && options.authToken !== '') {
    api.use(bearerAuth(options.authToken));
  }
  const maxUploadBytes = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  // Before the API-wide parser: saved dumps are larger than its limit.
  if (options.snapshots) {
    api.use(
      '/snapshots',
      createSnapshotRouter(options.snapshots, { maxBodyBytes: maxUploadBytes }),
    );
  }
  api.use(express.json({ limit: options.jsonLimit ?? '1mb' }));
  api.get('/health', (_req, res) => {
    const body: HealthResponse = {
      status: 'ok',
      version: options.version ?? '0.1.0',
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
    };
    res.json(body);
  });
  api.use('/demo', demoRoutes(options.demoMesh ?? (() => generateDemoMesh({ now: new Date() }))));
  api.get('/capabilities', (_req, res) => {
    const body: CapabilitiesResponse = { maxUploadBytes };
    if (options.meshSource) body.mesh = options.meshSource.describe();
    if (options.snapshots) {
      body.snapshots = {
        store: options.snapshots.kind,
        description: options.snapshots.description,
      };
    }
    res.json(body);
  });
  if (options.meshSource) api.use('/mesh', createMeshRouter(options.meshSource));
  api.use('/bug-report', bugReportUploads({ maxBytes: maxUploadBytes }));
  api.use(createTopologyApi(options.meshSource, options.topology));
  api.use((req, res) => {
    sendApiError(res, 'not_found', `No API endpoint ${req.method} /api${req.path}.`);
  });
  api.use(apiErrors);
  app.use('/api', api);

  // Hashed build assets never change under the same name; index.html must always be re-fetched.
  app.use(
    '/assets',
    express.static(join(webDir, 'assets'), { immutable: true, maxAge: '1y' }),
    (_req, res) => {
      res.status(404).type('text/plain').send('Not found');
    },
  );
  app.use(express.static(webDir, { index: false, maxAge: 0 }));
  const indexHtml = join(webDir, 'index.html');
  app.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      next();
      return;
    }
    if (!existsSync(indexHtml)) {
      res
        .status(503)
        .type('text/plain')
        .send(
          'The Meshlens web app is not built. Run `meshlens serve` (it builds it) or `pnpm --filter @meshlens/web build`.',
        );
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexHtml);
  });
  return app;
}
