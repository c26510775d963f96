import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { checkBindPolicy } from './bindPolicy';
import { createServer, type ServerOptions } from './createServer';

/** Options of {@link startServer}. */
export interface StartOptions extends ServerOptions {
  /** Interface to bind (default `127.0.0.1`). */
  host?: string;
  /** TCP port (default 7777; 0 = any free port). */
  port?: number;
  /** Allow a non-loopback host without a token. */
  insecure?: boolean;
}

/** A listening Meshlens server. */
export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:7777/`. */
  url: string;
  host: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

/** Why the server did not start. */
export interface StartError {
  code: 'bind_refused' | 'port_in_use' | 'listen_failed';
  message: string;
}

/** Result of {@link startServer}: errors are values. */
export type StartResult = { ok: true; server: RunningServer } | { ok: false; error: StartError };

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/** Checks the bind policy, then listens. Never throws for the usual failures (busy port...). */
export function startServer(options: StartOptions = {}): Promise<StartResult> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 7777;
  const refusal = checkBindPolicy({
    host,
    authToken: options.authToken,
    insecure: options.insecure,
  });
  if (refusal !== undefined) {
    return Promise.resolve({
      ok: false,
      error: { code: 'bind_refused', message: refusal.message },
    });
  }
  const app = createServer(options);
  return new Promise((resolve) => {
    const server = app.listen(port, host);
    server.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') {
        resolve({
          ok: false,
          error: {
            code: 'port_in_use',
            message:
              `Port ${port} on ${host} is already in use (is Meshlens already running?). ` +
              'Pick another one with --port <N>.',
          },
        });
      } else {
        resolve({
          ok: false,
          error: {
            code: 'listen_failed',
            message: `Cannot listen on ${host}:${port}: ${err.message}`,
          },
        });
      }
    });
    server.once('listening', () => {
      const actual = (server.address() as AddressInfo).port;
      resolve({
        ok: true,
        server: {
          url: `http://${urlHost(host)}:${actual}/`,
          host,
          port: actual,
          server,
          close: () =>
            new Promise<void>((done) => {
              server.close(() => done());
              server.closeAllConnections();
            }),
        },
      });
    });
  });
}
