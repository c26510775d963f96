import net from 'node:net';

/** Connects one local socket to `port` of a pod (Kubernetes port-forward, or anything equivalent). */
export type ForwardFn = (
  namespace: string,
  pod: string,
  port: number,
  socket: net.Socket,
) => Promise<void>;

/** A local loopback port that forwards every connection to a pod port. */
export interface Tunnel {
  /** `http://127.0.0.1:<local port>`. */
  url: string;
  close(): Promise<void>;
}

/**
 * Opens a loopback listener (ephemeral port) whose connections are each forwarded to the pod's
 * port, so the ordinary HTTP clients (EnvoyAdminClient, IstiodClient) work unchanged over it.
 */
export async function openTunnel(
  forward: ForwardFn,
  namespace: string,
  pod: string,
  port: number,
): Promise<Tunnel> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    // A failed forward (pod gone, RBAC) drops the connection: the HTTP client reports a reset.
    forward(namespace, pod, port, socket).catch(() => socket.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const local = (server.address() as net.AddressInfo).port;
  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${local}`,
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      });
      return closing;
    },
  };
}
