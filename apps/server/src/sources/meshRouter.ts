import { diffConfigDumps } from '@meshlens/istiod';
import { Router, type Response } from 'express';
import type { MeshProxy, MeshSource } from './MeshSource';
import type { SourceError } from './SourceError';
import type {
  MeshApiErrorResponse,
  MeshIstioConfigResponse,
  MeshProxiesResponse,
  MeshServicesResponse,
  MeshStatusResponse,
  MeshSyncDiffResponse,
} from './meshApi';
import { MeshScanner } from '../scan/MeshScanner';
import { createMeshScanRouter } from '../scan/meshScanRouter';
import { isValidProxyId } from './proxyId';
import { sourceErrorBody } from './sourceErrorBody';

/** Maps a source failure to an HTTP status: the upstream's fault is a 502/504, not a 500. */
function sendSourceError(res: Response, error: SourceError): void {
  const [status, code]: [number, MeshApiErrorResponse['error']['code']] =
    error.kind === 'not_found'
      ? [404, 'not_found']
      : error.kind === 'not_available'
        ? [501, 'not_available']
        : error.kind === 'timeout'
          ? [504, 'upstream']
          : [502, 'upstream'];
  const body: MeshApiErrorResponse = {
    error: { code, message: `${error.message}. ${error.advice}`, source: sourceErrorBody(error) },
  };
  res.status(status).json(body);
}

function badId(res: Response, id: string): void {
  const body: MeshApiErrorResponse = {
    error: {
      code: 'bad_request',
      message: `"${id.slice(0, 100)}" is not a proxy id: use <pod>.<namespace> as listed by /api/mesh/proxies.`,
    },
  };
  res.status(400).json(body);
}

function toInfo(p: MeshProxy): MeshProxiesResponse['proxies'][number] {
  const { error, ...rest } = p;
  return error ? { ...rest, error: sourceErrorBody(error) } : rest;
}

/**
 * The live-mesh API over one `MeshSource`, to mount under `/api/mesh`:
 * `GET /proxies`, `GET /proxies/:id/config_dump[?from=istiod]`, `GET /proxies/:id/clusters`,
 * `GET /proxies/:id/sync-diff`, `GET /services` (registryz), `GET /config` (configz), `GET /status`,
 * `POST /scan` + `GET /scan?since=N` + `POST /scan/cancel` (the mesh-wide scan, see `MeshScanner`). Only the proxy id comes from the request (validated
 * as `<pod>.<namespace>`); every upstream URL comes from the source's configuration.
 */
export function createMeshRouter(source: MeshSource): Router {
  const router = Router();
  router.use('/scan', createMeshScanRouter(new MeshScanner(source)));

  router.get('/proxies', async (_req, res) => {
    const list = await source.listProxies();
    if (!list.ok) return sendSourceError(res, list.error);
    const body: MeshProxiesResponse = {
      source: source.describe(),
      proxies: list.value.proxies.map(toInfo),
      warnings: list.value.warnings,
      fetchedAt: new Date().toISOString(),
    };
    res.set('cache-control', 'no-store').json(body);
  });

  router.get('/proxies/:id/config_dump', async (req, res) => {
    const id = req.params.id;
    if (!isValidProxyId(id)) return badId(res, id);
    const fromIstiod = req.query.from === 'istiod';
    const dump = fromIstiod ? await source.getIstiodConfigDump(id) : await source.getConfigDump(id);
    if (!dump.ok) return sendSourceError(res, dump.error);
    // The text exactly as received, for the raw view; it already parsed as a config dump.
    res.set('cache-control', 'no-store').type('application/json').send(dump.value.text);
  });

  router.get('/proxies/:id/clusters', async (req, res) => {
    const id = req.params.id;
    if (!isValidProxyId(id)) return badId(res, id);
    const statuses = await source.getClusterStatuses(id);
    if (!statuses.ok) return sendSourceError(res, statuses.error);
    res.set('cache-control', 'no-store').json(statuses.value);
  });

  router.get('/proxies/:id/sync-diff', async (req, res) => {
    const id = req.params.id;
    if (!isValidProxyId(id)) return badId(res, id);
    const [istiod, envoy] = await Promise.all([
      source.getIstiodConfigDump(id),
      source.getConfigDump(id),
    ]);
    if (!istiod.ok) return sendSourceError(res, istiod.error);
    if (!envoy.ok) return sendSourceError(res, envoy.error);
    const diff = diffConfigDumps(istiod.value.dump, envoy.value.dump);
    const counts: MeshSyncDiffResponse['counts'] = {
      same: 0,
      different: 0,
      only_istiod: 0,
      only_envoy: 0,
    };
    for (const e of diff.entries) counts[e.status]++;
    const body: MeshSyncDiffResponse = {
      proxyId: id,
      inSync: diff.inSync,
      entries: diff.entries,
      counts,
    };
    res.set('cache-control', 'no-store').json(body);
  });

  router.get('/services', async (_req, res) => {
    const services = await source.getServices();
    if (!services.ok) return sendSourceError(res, services.error);
    const body: MeshServicesResponse = { services: services.value };
    res.set('cache-control', 'no-store').json(body);
  });

  router.get('/config', async (_req, res) => {
    const objects = await source.getIstioConfig();
    if (!objects.ok) return sendSourceError(res, objects.error);
    const body: MeshIstioConfigResponse = { objects: objects.value };
    res.set('cache-control', 'no-store').json(body);
  });

  router.get('/status', async (_req, res) => {
    const list = await source.listProxies();
    const body: MeshStatusResponse = {
      source: source.describe(),
      reachable: list.ok,
      proxies: 0,
      counts: { synced: 0, stale: 0, error: 0, unreachable: 0, unknown: 0 },
      warnings: [],
    };
    if (!list.ok) body.error = sourceErrorBody(list.error);
    else {
      body.proxies = list.value.proxies.length;
      body.warnings = list.value.warnings;
      for (const p of list.value.proxies) {
        const states = p.sync ? Object.values(p.sync) : [];
        if (p.error) body.counts.unreachable++;
        else if (!p.sync) body.counts.unknown++;
        else if (states.includes('ERROR')) body.counts.error++;
        else if (states.some((s) => s.startsWith('STALE'))) body.counts.stale++;
        else body.counts.synced++;
      }
    }
    res.set('cache-control', 'no-store').json(body);
  });

  return router;
}
