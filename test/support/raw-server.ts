// A TCP server on 127.0.0.1 that speaks whatever a test writes: for answers no HTTP library
// would send (a `101` that keeps the socket, a proxy that never answers, a trickle).
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface RawServer {
  url: string;
  /** How many connections it accepted. */
  connections(): number;
  close(): Promise<void>;
}

export async function startRawServer(onConnection: (socket: Socket) => void): Promise<RawServer> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server = createServer(socket => {
    accepted++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    onConnection(socket);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connections: () => accepted,
    close: () =>
      new Promise(resolve => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      })
  };
}

/** Answers each request's head with `head`, then keeps the socket open and silent. */
export function answerOnce(head: string): (socket: Socket) => void {
  return socket => {
    let seen = '';
    socket.on('data', chunk => {
      seen += chunk.toString('latin1');
      if (seen.includes('\r\n\r\n')) {
        socket.write(head);
        seen = '';
      }
    });
  };
}
