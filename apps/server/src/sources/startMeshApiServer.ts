import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { MeshSource } from './MeshSource';
import { createMeshRouter } from './meshRouter';

/** A running stand-alone mesh API. */
export interface MeshApiServer {
  /** `http://127.0.0.1:<port>/api/mesh`. */
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * Serves only the mesh API (`/api/mesh/...`) on loopback, ephemeral port by default: for tests
 * and tools that need the API without the web app. `meshlens serve` mounts the same router.
 */
export async function startMeshApiServer(source: MeshSource, port = 0): Promise<MeshApiServer> {
  const app = express();
  app.disable('x-powered-by');
  app.use('/api/mesh', createMeshRouter(source));
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(port, '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  });
  let closing: Promise<void> | undefined;
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/mesh`,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      return closing;
    },
  };
}
