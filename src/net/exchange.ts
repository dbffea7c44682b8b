// One HTTP exchange with node:http or node:https, sending exactly the headers and bytes we
// rendered and signed, through the proxy that the runner's settings name for the URL (read as
// @actions/http-client reads them, and tunnelled with the same package it uses).
import {
  request as httpRequest,
  type Agent,
  type ClientRequest,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type RequestOptions
} from 'node:http';
import type { Socket } from 'node:net';
import { getProxyUrl } from '@actions/http-client/lib/proxy';
import type * as Tunnel from 'tunnel';
import { carriesBody, seconds, statusLine } from '../http-facts.js';

export interface HttpAnswer {
  status: number;
  statusText: string;
  headers: IncomingMessage['headers'];
  /** The start of the response body, as much as the caller keeps. */
  body: string;
  /** The whole body's size, kept or not. */
  bodyBytes: number;
}

/** A failure before any final HTTP status arrived; `retryable` for the network's passing faults. */
export class TransportError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean
  ) {
    super(message);
  }
}

/** What goes on the wire: a rendered request, or one with the delivery's own headers added. */
export interface OutgoingRequest {
  method: string;
  url: string;
  /** In sending order, names as written. */
  headers: Array<[string, string]>;
  body?: string;
}

export interface ExchangeLimits {
  /** The whole exchange, from connecting to the last byte of the answer. */
  timeoutMs: number;
  /** How much of the answer's body to keep; the rest is read and dropped. */
  keepBytes: number;
}

/** A delivery keeps enough of an answer to mask it whole before the log shows its first KiB. */
export const DELIVERY_KEEP_BYTES = 8 * 1024;

/**
 * One request and its whole answer, bounded by one timer whatever happens on the wire: a proxy
 * that never answers CONNECT, a receiver that trickles, a `101` that takes the socket away.
 */
export async function exchange(
  request: OutgoingRequest,
  limits: ExchangeLimits
): Promise<HttpAnswer> {
  const tunnel = await tunnelFor(request.url);
  return new Promise<HttpAnswer>((resolve, reject) => {
    const inFlight: ClientRequest[] = [];
    let settled = false;
    const finish = (error: Error | undefined, answer?: HttpAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) {
        for (const req of inFlight) req.destroy();
        reject(error);
      } else resolve(answer as HttpAnswer);
    };
    const timer = setTimeout(
      () => finish(new TransportError(`timed out after ${seconds(limits.timeoutMs)}`, true)),
      limits.timeoutMs
    );

    const body = carriesBody(request.method) ? (request.body ?? '') : undefined;
    let req: ClientRequest;
    try {
      req = send(request, body, inFlight, tunnel);
    } catch (error) {
      // A proxy setting that is no URL, a header Node refuses: nothing was sent.
      finish(describeNetworkError(error));
      return;
    }
    inFlight.push(req);
    refuseInterimAnswers(req, finish);
    req.on('response', (message: IncomingMessage) =>
      readBody(message, limits.keepBytes).then(
        ({ body: kept, bodyBytes }) =>
          finish(undefined, {
            status: message.statusCode ?? 0,
            statusText: message.statusMessage ?? '',
            headers: message.headers,
            body: kept,
            bodyBytes
          }),
        (error: unknown) => finish(describeNetworkError(error))
      )
    );
    req.on('error', (error: Error) => finish(describeNetworkError(error)));
    req.end(body);
  });
}

/** Starts the request: its headers as rendered, and the byte length of its body. */
function send(
  request: OutgoingRequest,
  body: string | undefined,
  inFlight: ClientRequest[],
  tunnel: typeof Tunnel | undefined
) {
  const url = new URL(request.url);
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of request.headers) headers[name] = value;
  if (body !== undefined) headers['Content-Length'] = Buffer.byteLength(body);
  const secure = url.protocol === 'https:';
  const options: RequestOptions = {
    method: request.method,
    hostname: hostOf(url),
    port: url.port || (secure ? 443 : 80),
    path: url.pathname + url.search,
    headers,
    // Without a proxy, a connection of its own, closed after the answer (`Connection: close`).
    agent: proxyAgent(url, inFlight, tunnel) ?? false
  };
  return secure ? process.getBuiltinModule('node:https').request(options) : httpRequest(options);
}

/** tunnel, loaded only for a request that goes through a proxy (an unreadable setting: send says). */
async function tunnelFor(url: string): Promise<typeof Tunnel | undefined> {
  try {
    return getProxyUrl(new URL(url))?.hostname ? await import('tunnel') : undefined;
  } catch {
    return undefined;
  }
}

/** The host to connect to: an IPv6 literal is written in brackets in a URL, and used without. */
function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/**
 * The tunnelling agent for the proxy that https_proxy or http_proxy names for `url` (unless
 * no_proxy or a loopback host bypasses it), as @actions/http-client builds it. Its CONNECT
 * requests join `inFlight`, to be cut off with the exchange.
 */
function proxyAgent(
  url: URL,
  inFlight: ClientRequest[],
  tunnel: typeof Tunnel | undefined
): Agent | undefined {
  const proxy = getProxyUrl(url);
  if (!proxy?.hostname || !tunnel) return undefined;
  const overHttps = proxy.protocol === 'https:';
  const options = {
    proxy: {
      host: hostOf(proxy),
      port: Number(proxy.port) || (overHttps ? 443 : 80),
      ...((proxy.username || proxy.password) && {
        proxyAuth: `${proxy.username}:${proxy.password}`
      })
    }
  };
  const agent =
    url.protocol === 'https:'
      ? overHttps
        ? tunnel.httpsOverHttps(options)
        : tunnel.httpsOverHttp(options)
      : overHttps
        ? tunnel.httpOverHttps(options)
        : tunnel.httpOverHttp(options);
  const tunnelling = agent as unknown as { request: (...args: unknown[]) => ClientRequest };
  const connect = tunnelling.request;
  tunnelling.request = (...args: unknown[]) => {
    const req = connect(...args);
    inFlight.push(req);
    return req;
  };
  return agent;
}

/** `101` and the 1xx answers other than 100 and 103 are not final: this webhook failed. */
function refuseInterimAnswers(req: ClientRequest, finish: (error: Error) => void) {
  const refuse = (status: number | undefined, text: string | undefined, socket?: Socket) => {
    socket?.destroy();
    const line = statusLine(status ?? 0, text);
    finish(
      new TransportError(
        `${line}: the receiver answered with no final status (not a webhook endpoint?)`,
        false
      )
    );
  };
  req.on('upgrade', (response: IncomingMessage, socket: Socket) =>
    refuse(response.statusCode, response.statusMessage, socket)
  );
  req.on('information', (info: { statusCode: number; statusMessage: string }) => {
    if (info.statusCode !== 100 && info.statusCode !== 103)
      refuse(info.statusCode, info.statusMessage);
  });
}

/** Reads the whole answer, keeping its first `keepBytes` (events: faster to start than async iteration). */
function readBody(
  message: IncomingMessage,
  keepBytes: number
): Promise<{ body: string; bodyBytes: number }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    message.on('data', (chunk: Buffer) => {
      if (size < keepBytes) chunks.push(chunk);
      size += chunk.length;
    });
    message.on('end', () =>
      resolve({
        body: Buffer.concat(chunks).subarray(0, keepBytes).toString('utf8'),
        bodyBytes: size
      })
    );
    message.on('error', reject);
    // A connection cut before the end of the body, without an error event.
    message.on('close', () => {
      if (!message.complete) reject(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
    });
  });
}

const NETWORK_ERRORS: Record<string, [string, boolean]> = {
  ECONNREFUSED: ['connection refused', true],
  ECONNRESET: ['connection reset by the server', true],
  EPIPE: ['connection closed by the server', true],
  ETIMEDOUT: ['connection timed out', true],
  ENOTFOUND: ['host not found', true],
  EAI_AGAIN: ['host name lookup failed', true],
  EHOSTUNREACH: ['host unreachable', true],
  ENETUNREACH: ['network unreachable', true],
  UND_ERR_SOCKET: ['connection closed by the server', true]
};

function describeNetworkError(error: unknown): TransportError {
  const code = (error as { code?: string }).code ?? '';
  const known = NETWORK_ERRORS[code];
  if (known) return new TransportError(known[0], known[1]);
  const message = error instanceof Error ? error.message : String(error);
  if (/socket hang up/i.test(message))
    return new TransportError('connection closed by the server', true);
  if (/Request timeout/i.test(message))
    return new TransportError('timed out waiting for the server', true);
  // TLS and protocol errors do not heal on a retry.
  return new TransportError(code ? `${message} (${code})` : message, false);
}
