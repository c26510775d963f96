import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseConfigDump, type ConfigDump, type JsonValue } from '@meshlens/configdump';
import type { DemoMesh, DemoProxy } from '@meshlens/demo-mesh';
import { demoCerts, demoClusterStatuses, demoServerInfo } from './envoyAdminData';
import {
  demoConfigz,
  demoIstiodConfigDump,
  demoRegistryz,
  demoSyncz,
  proxyIdOf,
} from './istiodDebugData';
import { renderIstioMetrics } from './istioMetrics';
import { buildTrafficModel } from './trafficModel';

/** Options of the simulator. */
export interface DemoSimulatorOptions {
  /** Milliseconds clock (tests inject one to make counters predictable). Default `Date.now`. */
  clock?: () => number;
  /** Seconds of traffic already "flowed" at start, so rates show at once. Default 3600. */
  warmupSeconds?: number;
  /** Name of the simulated istiod pod (ISTIOD column). */
  istiodName?: string;
}

/** A running simulator: where each endpoint listens. */
export interface DemoSimulator {
  /** istiod's debug port: `/debug/syncz`, `/debug/registryz`, `/debug/configz`, `/debug/config_dump?proxyID=`. */
  istiodUrl: string;
  istiodName: string;
  /** Prometheus-style `/metrics` with the Istio standard metrics of every proxy. */
  metricsUrl: string;
  /** Each proxy's Envoy admin. */
  proxies: { id: string; adminUrl: string }[];
  /** Seconds of simulated traffic so far. */
  elapsedSeconds(): number;
  /** Stops every server. Safe to call twice. */
  close(): Promise<void>;
}

/** Parsed proxy models the simulator keeps (see `model` below). */
const MODEL_CACHE_SIZE = 16;

type Handler = (url: URL) => { status: number; type: string; body: string };

const json = (value: JsonValue): { status: number; type: string; body: string } => ({
  status: 200,
  type: 'application/json',
  body: JSON.stringify(value, null, 2),
});
const text = (status: number, body: string): { status: number; type: string; body: string } => ({
  status,
  type: 'text/plain; charset=utf-8',
  body,
});

function listen(handler: Handler): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { 'content-type': 'text/plain' }).end('method not allowed\n');
      return;
    }
    let answer;
    try {
      answer = handler(new URL(req.url ?? '/', 'http://simulator'));
    } catch (err) {
      answer = text(500, `simulator error: ${err instanceof Error ? err.message : String(err)}\n`);
    }
    res.writeHead(answer.status, {
      'content-type': answer.type,
      'content-length': Buffer.byteLength(answer.body),
    });
    res.end(req.method === 'HEAD' ? undefined : answer.body);
  });
  // Keep-alive sockets would hold close() open; the simulator's clients are short-lived anyway.
  server.keepAliveTimeout = 1000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

const urlOf = (server: http.Server): string =>
  `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

/**
 * Serves the demo mesh over real HTTP on loopback (ephemeral ports): an istiod debug port, one
 * Envoy admin per proxy and a Prometheus `/metrics`, so the demo exercises exactly the code
 * paths a live mesh does.
 */
export async function startDemoMeshSimulator(
  mesh: DemoMesh,
  options: DemoSimulatorOptions = {},
): Promise<DemoSimulator> {
  const clock = options.clock ?? Date.now;
  const started = clock();
  const warmup = options.warmupSeconds ?? 3600;
  const elapsedSeconds = (): number => warmup + (clock() - started) / 1000;
  const istiodName = options.istiodName ?? 'istiod-6c8d9f7b5-x2kqp';
  const edges = buildTrafficModel(mesh);
  const byId = new Map(mesh.proxies.map((p) => [proxyIdOf(p), p]));
  // Parsed models for /clusters, /server_info, /certs: the few proxies being looked at, not every
  // proxy of a 500-proxy mesh (each model is a second copy of its dump). Least recently used out.
  const parsed = new Map<DemoProxy, ConfigDump>();
  const model = (proxy: DemoProxy): ConfigDump => {
    let dump = parsed.get(proxy);
    if (dump) parsed.delete(proxy);
    else {
      const result = parseConfigDump(JSON.stringify(proxy.dump));
      if (!result.ok)
        throw new Error(`demo dump of ${proxyIdOf(proxy)} does not parse: ${result.error.message}`);
      dump = result.dump;
    }
    parsed.set(proxy, dump);
    for (const oldest of parsed.keys()) {
      if (parsed.size <= MODEL_CACHE_SIZE) break;
      parsed.delete(oldest);
    }
    return dump;
  };
  const servers: http.Server[] = [];
  try {
    const istiod = await listen((url) => {
      switch (url.pathname) {
        case '/debug/syncz':
          return json(demoSyncz(mesh));
        case '/debug/registryz':
          return json(demoRegistryz(mesh));
        case '/debug/configz':
          return json(demoConfigz(mesh));
        case '/debug/config_dump': {
          const proxy = byId.get(url.searchParams.get('proxyID') ?? '');
          // istiod's own wording for an unknown proxy.
          if (!proxy) return text(404, 'Proxy not connected to this Pilot instance\n');
          return json(demoIstiodConfigDump(mesh, proxy));
        }
        default:
          return text(404, '404 page not found\n');
      }
    });
    servers.push(istiod);
    const metrics = await listen((url) =>
      url.pathname === '/metrics'
        ? {
            status: 200,
            type: 'text/plain; version=0.0.4',
            body: renderIstioMetrics(edges, {
              elapsedSeconds: elapsedSeconds(),
              clusterId: mesh.clusterId,
            }),
          }
        : text(404, 'not found\n'),
    );
    servers.push(metrics);
    const proxies: DemoSimulator['proxies'] = [];
    for (const proxy of mesh.proxies) {
      const id = proxyIdOf(proxy);
      const admin = await listen((url) => {
        switch (url.pathname) {
          case '/config_dump':
            return json(proxy.dump);
          case '/clusters':
            return url.searchParams.get('format') === 'json'
              ? json(demoClusterStatuses(model(proxy), elapsedSeconds()))
              : text(
                  200,
                  model(proxy)
                    .clusters.map((c) => `${c.name}::observability_name::${c.name}`)
                    .join('\n') + '\n',
                );
          case '/server_info':
            return json(demoServerInfo(model(proxy), elapsedSeconds()));
          case '/certs':
            return json(demoCerts(model(proxy), new Date(clock())));
          case '/stats/prometheus':
            return {
              status: 200,
              type: 'text/plain; version=0.0.4',
              body: renderIstioMetrics(edges, {
                elapsedSeconds: elapsedSeconds(),
                clusterId: mesh.clusterId,
                proxyId: id,
              }),
            };
          case '/ready':
            return text(200, 'LIVE\n');
          default:
            return text(404, 'invalid path\n');
        }
      });
      servers.push(admin);
      proxies.push({ id, adminUrl: urlOf(admin) });
    }
    let closed: Promise<void> | undefined;
    return {
      istiodUrl: urlOf(istiod),
      istiodName,
      metricsUrl: `${urlOf(metrics)}/metrics`,
      proxies,
      elapsedSeconds,
      close() {
        closed ??= closeAll(servers);
        return closed;
      },
    };
  } catch (err) {
    await closeAll(servers);
    throw err;
  }
}

function closeAll(servers: http.Server[]): Promise<void> {
  return Promise.all(
    servers.map(
      (s) =>
        new Promise<void>((resolve) => {
          s.close(() => resolve());
          s.closeAllConnections();
        }),
    ),
  ).then(() => undefined);
}
