// The headers of one attempt: the rendered ones plus the delivery id, timestamp and signatures.
import type { OutgoingRequest } from '../net/exchange.js';
import type { RenderedRequest } from '../render/request.js';
import { signatureHeaders, type Signing } from './sign.js';

export function attemptRequest(
  request: RenderedRequest,
  deliveryId: string,
  timestamp: number,
  signing: Signing | undefined
): OutgoingRequest {
  return {
    method: request.method,
    url: request.url,
    headers: [...request.headers, ...deliveryHeaders(request, deliveryId, timestamp, signing)],
    body: request.body
  };
}

/**
 * The attempt as it may be printed: the rendered request's shown form, and signatures without
 * their digest — a public job summary must not hand out validly signed requests.
 */
export function shownAttempt(
  request: RenderedRequest,
  deliveryId: string,
  timestamp: number,
  signing: Signing | undefined
): OutgoingRequest {
  const added = deliveryHeaders(request, deliveryId, timestamp, signing).map(
    ([name, value]): [string, string] => [name, withoutDigest(value)]
  );
  return { ...request.shown, headers: [...request.shown.headers, ...added] };
}

function deliveryHeaders(
  request: RenderedRequest,
  deliveryId: string,
  timestamp: number,
  signing: Signing | undefined
): Array<[string, string]> {
  const headers: Array<[string, string]> = [
    ['webhook-id', deliveryId],
    ['webhook-timestamp', String(timestamp)]
  ];
  if (signing)
    headers.push(...signatureHeaders(signing, deliveryId, timestamp, request.body ?? ''));
  return headers;
}

/** `v1,<digest>` → `v1,***`, `sha256=<digest>` → `sha256=***`; other values as they are. */
function withoutDigest(value: string): string {
  return value.replace(/^(v1,|sha256=).+$/, '$1***');
}
