// The `results` output: one object per selected webhook, in config order.
import type { OutgoingRequest } from '../net/exchange.js';
import type { DeliveryOutcome } from '../deliver/deliver.js';
import type { EventName } from '../events.js';
import type { SecretMasker } from '../secrets.js';
import { cutText, RESULTS_LIMIT, SHOWN_BODY_LIMIT } from './cut.js';

export interface WebhookResult {
  name: string;
  event: EventName;
  method: string;
  url: string;
  status: number | null;
  ok: boolean;
  skipped: string | null;
  attempts: number;
  duration_ms: number;
  error: string | null;
  /** The id a destination gave the message it created (SPEC §12). */
  message_id: string | null;
  request?: ShownRequest;
  /** Dry run, for a destination of several requests: those before `request`, in order. */
  steps?: Array<ShownRequest & { step: string }>;
}

interface ShownRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | null;
}

/** One selected webhook's outcome, with what the front ends need beside the output. */
export interface WebhookReport {
  result: WebhookResult;
  /** A failure of this webhook does not fail the step. */
  continueOnError: boolean;
  /** Dry run: the request as it would be sent, masked. */
  requestText?: string;
  /** Dry run: a destination's message as people will read it, GitHub Markdown, masked. */
  message?: string;
}

interface Common {
  name: string;
  event: EventName;
  method: string;
  url: string;
}

export function deliveredResult(common: Common, outcome: DeliveryOutcome): WebhookResult {
  return {
    ...common,
    status: outcome.status,
    ok: outcome.ok,
    skipped: null,
    attempts: outcome.attempts,
    duration_ms: outcome.durationMs,
    error: outcome.error,
    message_id: outcome.messageId
  };
}

export function skippedResult(common: Common, reason: string): WebhookResult {
  return {
    ...common,
    status: null,
    ok: true,
    skipped: reason,
    attempts: 0,
    duration_ms: 0,
    error: null,
    message_id: null
  };
}

export function failedResult(common: Common, error: string): WebhookResult {
  return {
    ...common,
    status: null,
    ok: false,
    skipped: null,
    attempts: 0,
    duration_ms: 0,
    error,
    message_id: null
  };
}

/** A dry run's result: the request as it may be shown (secret-derived values already `***`). */
export function previewResult(
  common: Common,
  shown: OutgoingRequest,
  steps?: Array<{ step: string; request: OutgoingRequest }>
): WebhookResult {
  const shownRequest = (request: OutgoingRequest): ShownRequest => ({
    method: request.method,
    url: request.url,
    headers: Object.fromEntries(request.headers),
    body: request.body ?? null
  });
  return {
    ...common,
    status: null,
    ok: true,
    skipped: null,
    attempts: 0,
    duration_ms: 0,
    error: null,
    message_id: null,
    request: shownRequest(shown),
    ...(steps && {
      steps: steps.slice(0, -1).map(({ step, request }) => ({ step, ...shownRequest(request) }))
    })
  };
}

/**
 * Results as they may be printed: every string masked as a value, secret headers hidden. The
 * summary, the log and the outputs all read these, never the raw ones.
 */
export function maskReports(reports: WebhookReport[], masker: SecretMasker): WebhookReport[] {
  return reports.map(report => ({ ...report, result: maskResult(report.result, masker) }));
}

function maskResult(result: WebhookResult, masker: SecretMasker): WebhookResult {
  const masked = masker.maskDeep(result);
  const maskRequest = <T extends ShownRequest>(request: T): T => ({
    ...masker.maskDeep(request),
    headers: Object.fromEntries(
      Object.entries(request.headers).map(([name, value]) => [name, masker.maskHeader(name, value)])
    )
  });
  if (result.request) masked.request = maskRequest(result.request);
  if (result.steps) masked.steps = result.steps.map(maskRequest);
  return masked;
}

export function countResults(results: WebhookResult[]) {
  return {
    sent: results.filter(r => r.attempts > 0 && r.ok).length,
    failed: results.filter(r => !r.ok).length,
    skipped: results.filter(r => r.skipped !== null).length
  };
}

/**
 * The output's JSON, from masked results, within its limit in bytes. Request bodies are kept
 * whole unless the output would pass it; then they are cut, each to an equal share; and when
 * even that is too much (thousands of webhooks), the last requests are left out (no `request`),
 * and `requestsLeftOut` says how many.
 */
export function resultsJson(masked: WebhookResult[]): { json: string; requestsLeftOut: number } {
  const visible = masked.map(result => ({
    ...result,
    request: result.request && { ...result.request }
  }));
  const size = () => Buffer.byteLength(JSON.stringify(visible));
  const requests = visible.flatMap(r => (r.request?.body ? [r.request] : []));
  const bodies = requests.map(request => request.body ?? '');
  for (
    let limit = SHOWN_BODY_LIMIT;
    size() > RESULTS_LIMIT && requests.length > 0 && limit >= 256;
    limit = Math.min(limit / 2, Math.floor(RESULTS_LIMIT / 2 / requests.length))
  )
    requests.forEach((request, i) => (request.body = cutText(bodies[i], limit)));
  // Still too large: leave out the last requests, as many as free the bytes over the limit.
  let json = JSON.stringify(visible);
  let over = Buffer.byteLength(json) - RESULTS_LIMIT;
  let requestsLeftOut = 0;
  for (let i = visible.length - 1; i >= 0 && over > 0; i--) {
    const request = visible[i].request;
    if (!request) continue;
    over -= Buffer.byteLength(`,"request":${JSON.stringify(request)}`);
    visible[i].request = undefined;
    requestsLeftOut++;
  }
  if (requestsLeftOut > 0) json = JSON.stringify(visible);
  return { json, requestsLeftOut };
}
