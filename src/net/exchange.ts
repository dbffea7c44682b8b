// One HTTP exchange through @actions/http-client (which honours the runner's proxy settings),
// sending exactly the headers and bytes we rendered and signed.
import {
  Agent,
  type ClientRequest,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type RequestOptions
} from 'node:http';
import type { Socket } from 'node:net';
import { HttpClient } from '@actions/http-client';
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
export function exchange(request: OutgoingRequest, limits: ExchangeLimits): Promise<HttpAnswer> {
  return new Promise<HttpAnswer>((resolve, reject) => {
    const inFlight: ClientRequest[] = [];
    let agentToDestroy: Agent | undefined;
    let settled = false;
    const cutOff = () => {
      for (const req of inFlight) req.destroy();
      agentToDestroy?.destroy();
    };
    const finish = (error: Error | undefined, answer?: HttpAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) {
        cutOff();
        reject(error);
      } else resolve(answer as HttpAnswer);
      client.dispose();
    };
    const timer = setTimeout(
      () => finish(new TransportError(`timed out after ${seconds(limits.timeoutMs)}`, true)),
      limits.timeoutMs
    );

    const headers: OutgoingHttpHeaders = {};
    for (const [name, value] of request.headers) headers[name] = value;
    // The client would put its own User-Agent and lower-cased names over ours: this handler runs
    // last and restores the request exactly as rendered.
    const exact = {
      prepareRequest(options: RequestOptions) {
        options.headers = headers;
        const agent = options.agent;
        if (agent instanceof Agent) agentToDestroy = agent;
        if (typeof agent === 'object') watchAgent(agent, inFlight, finish);
      },
      canHandleAuthentication: () => false,
      handleAuthentication: () => Promise.reject(new Error('not supported'))
    };
    const client = new HttpClient('release-webhooks', [exact], {
      allowRedirects: false,
      allowRetries: false,
      keepAlive: false
    });
    client
      .request(
        request.method,
        request.url,
        carriesBody(request.method) ? (request.body ?? '') : null,
        {}
      )
      .then(response => readBody(response.message, limits.keepBytes))
      .then(
        ({ message, body, bodyBytes }) =>
          finish(undefined, {
            status: message.statusCode ?? 0,
            statusText: message.statusMessage ?? '',
            headers: message.headers,
            body,
            bodyBytes
          }),
        (error: unknown) => finish(describeNetworkError(error))
      );
  });
}

/**
 * Follows the requests an agent makes for this exchange, to cut them off when time is up and
 * to fail on an answer that is not final. An agent's `addRequest` receives every request it
 * serves; a proxy's tunnelling agent also makes its CONNECT request with `request`.
 */
function watchAgent(agent: object, inFlight: ClientRequest[], finish: (error: Error) => void) {
  const target = agent as {
    addRequest?: (req: ClientRequest, ...rest: unknown[]) => unknown;
    request?: (...args: unknown[]) => ClientRequest;
  };
  const addRequest = target.addRequest;
  if (typeof addRequest === 'function')
    target.addRequest = function (req: ClientRequest, ...rest: unknown[]) {
      inFlight.push(req);
      refuseInterimAnswers(req, finish);
      return addRequest.call(this, req, ...rest);
    };
  const connect = target.request;
  if (typeof connect === 'function')
    target.request = (...args: unknown[]) => {
      const req = connect(...args);
      inFlight.push(req);
      return req;
    };
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
): Promise<{ message: IncomingMessage; body: string; bodyBytes: number }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    message.on('data', (chunk: Buffer) => {
      if (size < keepBytes) chunks.push(chunk);
      size += chunk.length;
    });
    message.on('end', () =>
      resolve({
        message,
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
