// A CONNECT proxy on 127.0.0.1 (or ::1) that leads every tunnel to one local server, whatever host the
// client asked for, and records the hosts it was asked for and the credentials each CONNECT carried.
import { createServer } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

export interface TunnelProxy {
  url: string;
  /** Each CONNECT's Proxy-Authorization header, or '' without one. */
  authorizations: string[];
  close(): Promise<void>;
}

export async function startProxy(
  target: string,
  tunnels: string[],
  host: '127.0.0.1' | '::1' = '127.0.0.1'
): Promise<TunnelProxy> {
  const { port } = new URL(target);
  const proxy = createServer();
  const authorizations: string[] = [];
  // A tunnel is no longer the HTTP server's connection: closing the proxy ends each one itself.
  const tunnelSockets = new Set<Socket>();
  proxy.on('connect', (request, client: Socket, head) => {
    tunnels.push(request.url ?? '');
    authorizations.push(request.headers['proxy-authorization'] ?? '');
    const upstream = connect(Number(port), '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const socket of [client, upstream]) {
      tunnelSockets.add(socket);
      socket.on('close', () => tunnelSockets.delete(socket));
    }
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>(resolve => proxy.listen(0, host, resolve));
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${(proxy.address() as AddressInfo).port}`,
    authorizations,
    close: async () => {
      for (const socket of tunnelSockets) socket.destroy();
      proxy.closeAllConnections();
      await new Promise(resolve => proxy.close(resolve));
    }
  };
}
