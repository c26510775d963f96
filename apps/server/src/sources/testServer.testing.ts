// A real HTTP server on 127.0.0.1 (ephemeral port) for tests of misbehaving endpoints. Every server
// started here is tracked so `stopAll` ends it, including hung requests.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestServer {
  url: string;
  port: number;
  server: http.Server;
  close(): Promise<void>;
}

const running = new Set<TestServer>();

export async function startTestServer(handler: http.RequestListener): Promise<TestServer> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  const ts: TestServer = {
    url: `http://127.0.0.1:${port}`,
    port,
    server,
    close() {
      closing ??= new Promise<void>((resolve) => {
        running.delete(ts);
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
  running.add(ts);
  return ts;
}

/** A port that was just open and is now closed: connecting to it is refused. */
export async function closedPort(): Promise<number> {
  const s = await startTestServer(() => undefined);
  await s.close();
  return s.port;
}

export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((s) => s.close()));
}
