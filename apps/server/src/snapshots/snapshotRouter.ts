// `/api/snapshots`: list, save, open, download and delete saved snapshots. Mounted by createServer
// under the API router; the store is chosen by `--data-dir` / `--database-url`.
import express, { Router, type ErrorRequestHandler, type Response } from 'express';
import { sendApiError } from '../server/apiError';
import { formatByteSize } from '../server/parseByteSize';
import { parseSaveRequest } from './parseSaveRequest';
import {
  snapshotPermalink,
  type SnapshotListResponse,
  type SnapshotResponse,
} from '@meshlens/contract';
import { isSnapshotId } from './snapshotRecord';
import type { SnapshotStoreError, SnapshotStore } from './SnapshotStore';

/** Options of {@link createSnapshotRouter}. */
export interface SnapshotRouterOptions {
  /** Largest `POST /snapshots` body, bytes (default 64 MB; a dump is sent as JSON text). */
  maxBodyBytes?: number;
}

/** Default of {@link SnapshotRouterOptions.maxBodyBytes}. */
export const DEFAULT_MAX_SNAPSHOT_BODY_BYTES = 64 * 1024 * 1024;

function sendStoreError(res: Response, error: SnapshotStoreError): void {
  const code =
    error.code === 'not_found'
      ? 'not_found'
      : error.code === 'invalid'
        ? 'bad_request'
        : 'internal';
  sendApiError(res, code, error.message);
}

function noSuchSnapshot(res: Response, id: string): void {
  sendApiError(res, 'not_found', `No snapshot ${id}.`);
}

/** Dumps are JSON or YAML; say which so a browser "open in new tab" shows it sensibly. */
function contentTypeOf(dump: string): string {
  const first = /\S/.exec(dump)?.[0];
  return first === '{' || first === '[' ? 'application/json' : 'application/yaml';
}

/**
 * The snapshot API. Mount it with `api.use('/snapshots', createSnapshotRouter(store))` before the
 * API-wide JSON parser, so that this router's larger body limit applies to saved dumps.
 */
export function createSnapshotRouter(
  store: SnapshotStore,
  options: SnapshotRouterOptions = {},
): Router {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_SNAPSHOT_BODY_BYTES;
  const router = Router();

  router.get('/', async (_req, res) => {
    const list = await store.list();
    if (!list.ok) return sendStoreError(res, list.error);
    const body: SnapshotListResponse = { snapshots: list.value };
    res.setHeader('Cache-Control', 'no-store');
    res.json(body);
  });

  router.post('/', express.json({ limit: maxBodyBytes }), async (req, res) => {
    const input = parseSaveRequest(req.body);
    if (!input.ok) return sendStoreError(res, input.error);
    const saved = await store.save(input.value);
    if (!saved.ok) return sendStoreError(res, saved.error);
    const body: SnapshotResponse = {
      snapshot: saved.value,
      permalink: snapshotPermalink(saved.value.id),
    };
    res.status(201).location(`${req.baseUrl}/${saved.value.id}`).json(body);
  });

  router.get('/:id', async (req, res) => {
    const { id } = req.params;
    if (!isSnapshotId(id)) return noSuchSnapshot(res, id);
    const got = await store.get(id);
    if (!got.ok) return sendStoreError(res, got.error);
    const { dump: _dump, ...meta } = got.value;
    const body: SnapshotResponse = { snapshot: meta, permalink: snapshotPermalink(id) };
    res.json(body);
  });

  router.get('/:id/dump', async (req, res) => {
    const { id } = req.params;
    if (!isSnapshotId(id)) return noSuchSnapshot(res, id);
    const got = await store.get(id);
    if (!got.ok) return sendStoreError(res, got.error);
    // A snapshot never changes under its id, so a browser may keep it.
    res.setHeader('Cache-Control', 'private, max-age=86400');
    res.type(contentTypeOf(got.value.dump)).send(got.value.dump);
  });

  router.delete('/:id', async (req, res) => {
    const { id } = req.params;
    if (!isSnapshotId(id)) return noSuchSnapshot(res, id);
    const deleted = await store.delete(id);
    if (!deleted.ok) return sendStoreError(res, deleted.error);
    res.status(204).end();
  });

  const bodyErrors: ErrorRequestHandler = (err, _req, res, next) => {
    const e = err as { type?: unknown; status?: unknown };
    if (e.type === 'entity.too.large') {
      sendApiError(
        res,
        'payload_too_large',
        `The snapshot is larger than this server accepts (${formatByteSize(maxBodyBytes)}). Start meshlens serve with a larger --max-upload, or save it from the command line: meshlens snapshot save --file <dump> --name <name>.`,
      );
    } else if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
      sendApiError(res, 'bad_request', 'The request body is not valid JSON.');
    } else {
      next(err);
    }
  };
  router.use(bodyErrors);
  return router;
}
