import type { BugReportUploadResponse } from '@meshlens/contract';
import express, { type Router } from 'express';
import { BugReportSource } from '../sources/bugReport/BugReportSource';
import { createMeshRouter } from '../sources/meshRouter';
import type { MeshApiErrorResponse } from '../sources/meshApi';
import { sendApiError } from './apiError';

/** Options of {@link bugReportUploads}. */
export interface BugReportUploadOptions {
  /** Largest accepted archive, bytes (`--max-upload`). */
  maxBytes: number;
  /** Archives kept open at once; the oldest is dropped first. Default 4. */
  keep?: number;
}

interface Upload {
  id: string;
  source: BugReportSource;
  router: Router;
}

/** A label for messages from the `?name=` the browser sends: never used as a path. */
function uploadLabel(name: unknown): string {
  const clean = typeof name === 'string' ? name.replace(/[^\w.\- ]+/g, '_').slice(0, 100) : '';
  return clean === '' ? 'uploaded archive' : clean;
}

/**
 * `POST /bug-report` takes an `istioctl bug-report` `.tar.gz` as the raw body (at most `maxBytes`,
 * else a 413 from the API's error handler) and serves it as an offline mesh source under
 * `/bug-report/<id>/...` with the `/api/mesh` endpoints. Archives live in memory only.
 */
export function bugReportUploads(options: BugReportUploadOptions): Router {
  const keep = options.keep ?? 4;
  const uploads = new Map<string, Upload>();
  let next = 1;
  const router = express.Router();

  router.post(
    '/',
    // Any content type: browsers label .tar.gz as application/gzip, x-gzip, x-tar or nothing.
    express.raw({ type: () => true, limit: options.maxBytes }),
    (req, res) => {
      const body: unknown = req.body;
      if (!Buffer.isBuffer(body) || body.length === 0) {
        sendApiError(res, 'bad_request', 'Send the bug-report .tar.gz as the request body.');
        return;
      }
      const label = uploadLabel(req.query.name);
      // A decompressed archive may not exceed 8x the upload limit (archive bombs).
      const opened = BugReportSource.fromBuffer(body, label, { maxBytes: options.maxBytes * 8 });
      if (!opened.ok) {
        const error: MeshApiErrorResponse = {
          error: {
            code: 'bad_request',
            message: `${label}: ${opened.error.message}. ${opened.error.advice}`,
          },
        };
        res.status(400).json(error);
        return;
      }
      const id = `br${next++}`;
      uploads.set(id, { id, source: opened.value, router: createMeshRouter(opened.value) });
      for (const old of [...uploads.keys()].slice(0, Math.max(0, uploads.size - keep))) {
        void uploads.get(old)?.source.close();
        uploads.delete(old);
      }
      void opened.value.listProxies().then((list) => {
        const response: BugReportUploadResponse = {
          id,
          basePath: `/api/bug-report/${id}`,
          source: opened.value.describe(),
          proxies: list.ok ? list.value.proxies.length : 0,
        };
        res.status(201).json(response);
      });
    },
  );

  router.use('/:id', (req, res, next) => {
    const upload = uploads.get(req.params.id);
    if (upload === undefined) {
      sendApiError(
        res,
        'not_found',
        `No uploaded archive "${req.params.id.slice(0, 40)}": the server keeps the last ${keep} in memory until it restarts. Upload it again.`,
      );
      return;
    }
    upload.router(req, res, next);
  });

  return router;
}
