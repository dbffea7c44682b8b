// The headers of one attempt: the rendered ones plus the delivery id, timestamp and signatures.
import type { RenderedRequest } from '../render/request.js';
import { signatureHeaders, type Signing } from './sign.js';

export interface AttemptRequest {
  method: string;
  url: string;
  headers: Array<[string, string]>;
  body?: string;
}

export function attemptRequest(
  request: RenderedRequest,
  deliveryId: string,
  timestamp: number,
  signing: Signing | undefined
): AttemptRequest {
  const headers: Array<[string, string]> = [
    ...request.headers,
    ['webhook-id', deliveryId],
    ['webhook-timestamp', String(timestamp)]
  ];
  if (signing)
    headers.push(...signatureHeaders(signing, deliveryId, timestamp, request.body ?? ''));
  return { method: request.method, url: request.url, headers, body: request.body };
}
