// What HTTP means to every stage, defined once: rendering (which methods carry a body), delivery
// and the API sources (which answers succeed, which are worth another try).
import { STATUS_CODES } from 'node:http';

/** GET and HEAD carry no body: their payload goes into the query string. */
export function carriesBody(method: string): boolean {
  return method !== 'GET' && method !== 'HEAD';
}

export function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}

/** The receiver's reason phrase, else the standard one. */
export function reasonPhrase(status: number, reason?: string): string {
  return reason || STATUS_CODES[status] || '';
}

/** `404 Not Found`: the status and its reason phrase. */
export function statusLine(status: number, reason?: string): string {
  return `${status} ${reasonPhrase(status, reason)}`.trim();
}

/** The largest answer an API source reads (a GitHub release, PatchKit's changelog). */
export const API_ANSWER_LIMIT = 8 * 1024 * 1024;

/** `1.5 s`: a duration for people. */
export function seconds(ms: number): string {
  // A receiver may ask for any wait (`retry_after: 1e308`): say so without printing Infinity.
  if (!(ms < 86_400_000)) return 'more than a day';
  return `${Number((ms / 1000).toFixed(1))} s`;
}

/** A percent-encoded URL part decoded, or as it is when it is not valid percent-encoding. */
export function percentDecoded(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
