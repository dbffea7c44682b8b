// One HTTP attempt through @actions/http-client (which honours the runner's proxy settings),
// sending exactly the headers and bytes we rendered and signed.
import {
  Agent,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type RequestOptions
} from 'node:http';
import { HttpClient } from '@actions/http-client';
import { carriesBody } from '../render/request.js';
import type { AttemptRequest } from './attempt.js';

export interface HttpAnswer {
  status: number;
  statusText: string;
  headers: IncomingMessage['headers'];
  /** The first KiB of the response body, for the log. */
  bodyExcerpt: string;
}

/** A failure before any HTTP status arrived; `retryable` for the network's passing faults. */
export class TransportError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean
  ) {
    super(message);
  }
}

const EXCERPT_BYTES = 1024;

export async function sendAttempt(request: AttemptRequest, timeoutMs: number): Promise<HttpAnswer> {
  let timedOut = false;
  let cutOff = () => {};
  const timer = setTimeout(() => {
    timedOut = true;
    cutOff();
  }, timeoutMs);
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of request.headers) headers[name] = value;
  // The client would put its own User-Agent and lower-cased names over ours: this handler runs
  // last and restores the request exactly as rendered.
  const exact = {
    prepareRequest(options: RequestOptions) {
      options.headers = headers;
      cutOff = cutOffFor(options);
    },
    canHandleAuthentication: () => false,
    handleAuthentication: () => Promise.reject(new Error('not supported'))
  };
  const client = new HttpClient('release-webhooks', [exact], {
    allowRedirects: false,
    allowRetries: false,
    keepAlive: false
  });
  try {
    const response = await client.request(
      request.method,
      request.url,
      carriesBody(request.method) ? (request.body ?? '') : null,
      {}
    );
    const bodyExcerpt = await readExcerpt(response.message);
    return {
      status: response.message.statusCode ?? 0,
      statusText: response.message.statusMessage ?? '',
      headers: response.message.headers,
      bodyExcerpt
    };
  } catch (error) {
    if (timedOut) throw new TransportError(`timed out after ${seconds(timeoutMs)}`, true);
    throw describeNetworkError(error);
  } finally {
    clearTimeout(timer);
    client.dispose();
  }
}

/**
 * How to cut the attempt off when its time is up, whatever stage it is in. Each attempt has an
 * agent of its own (no keep-alive), so destroying the agent's sockets ends exactly this exchange;
 * that costs nothing up front, where an AbortSignal given to the request sets up event-target
 * machinery on every run (about 0.5 ms of start-up). A proxy's tunnelling agent has no such
 * method: there the request gets the signal.
 */
function cutOffFor(options: RequestOptions): () => void {
  const agent = options.agent;
  if (agent instanceof Agent) return () => agent.destroy();
  const controller = new AbortController();
  options.signal = controller.signal;
  return () => controller.abort();
}

/** Reads the whole answer, keeping its first KiB (events, not an async iterator: faster to start). */
function readExcerpt(message: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    message.on('data', (chunk: Buffer) => {
      if (size < EXCERPT_BYTES) chunks.push(chunk);
      size += chunk.length;
    });
    message.on('end', () =>
      resolve(Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString('utf8'))
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

export function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}
