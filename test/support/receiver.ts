// A real HTTP or HTTPS server on 127.0.0.1 (or ::1) that records every request and answers as a
// test tells it.
import { readFileSync } from 'node:fs';
import {
  createServer,
  type IncomingMessage,
  type IncomingHttpHeaders,
  type ServerResponse
} from 'node:http';
import { createServer as createSecureServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  text: string;
}

export type Answer = (request: ReceivedRequest, response: ServerResponse, count: number) => void;

export interface Receiver {
  url: string;
  requests: ReceivedRequest[];
  close(): Promise<void>;
}

const answerOk: Answer = (_request, response) => {
  response.writeHead(204).end();
};

/** The self-signed certificate an https receiver serves (test/support/tls/README.md). */
export const TEST_CERTIFICATE = path.resolve('test/support/tls/cert.pem');

export interface ReceiverOptions {
  host?: '127.0.0.1' | '::1';
  /** HTTPS with TEST_CERTIFICATE, which the action trusts through NODE_EXTRA_CA_CERTS. */
  secure?: boolean;
}

export async function startReceiver(
  answer: Answer = answerOk,
  { host = '127.0.0.1', secure = false }: ReceiverOptions = {}
): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  const receive = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', chunk => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const request = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body,
        text: body.toString('utf8')
      };
      requests.push(request);
      answer(request, res, requests.length);
    });
  };
  const server = secure
    ? createSecureServer(
        {
          key: readFileSync(path.join(path.dirname(TEST_CERTIFICATE), 'key.pem')),
          cert: readFileSync(TEST_CERTIFICATE)
        },
        receive
      )
    : createServer(receive);
  await new Promise<void>(resolve => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${secure ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`,
    requests,
    close: () =>
      new Promise(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      })
  };
}
