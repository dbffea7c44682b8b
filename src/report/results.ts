// The `results` output: one object per selected webhook, in config order.
import type { AttemptRequest } from '../deliver/attempt.js';
import type { DeliveryOutcome } from '../deliver/deliver.js';
import type { EventName } from '../events.js';
import type { SecretMasker } from '../secrets.js';

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
  request?: { method: string; url: string; headers: Record<string, string>; body: string | null };
  /** Not part of the output: lets the step tolerate this failure. */
  continueOnError: boolean;
}

interface Common {
  name: string;
  event: EventName;
  method: string;
  url: string;
  continueOnError: boolean;
}

export function deliveredResult(common: Common, outcome: DeliveryOutcome): WebhookResult {
  return {
    ...common,
    status: outcome.status,
    ok: outcome.ok,
    skipped: null,
    attempts: outcome.attempts,
    duration_ms: outcome.durationMs,
    error: outcome.error
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
    error: null
  };
}

export function failedResult(common: Common, error: string): WebhookResult {
  return { ...common, status: null, ok: false, skipped: null, attempts: 0, duration_ms: 0, error };
}

export function previewResult(
  common: Common,
  request: AttemptRequest,
  masker: SecretMasker
): WebhookResult {
  return {
    ...common,
    status: null,
    ok: true,
    skipped: null,
    attempts: 0,
    duration_ms: 0,
    error: null,
    request: {
      method: request.method,
      url: masker.mask(request.url),
      headers: Object.fromEntries(request.headers.map(([n, v]) => [n, masker.maskHeader(n, v)])),
      body: request.body === undefined ? null : masker.mask(request.body)
    }
  };
}

export function countResults(results: WebhookResult[]) {
  return {
    sent: results.filter(r => r.attempts > 0 && r.ok).length,
    failed: results.filter(r => !r.ok).length,
    skipped: results.filter(r => r.skipped !== null).length
  };
}

/** The output's JSON, secrets masked, without the internal fields. */
export function resultsJson(results: WebhookResult[], masker: SecretMasker): string {
  const visible = results.map(({ continueOnError: _, ...result }) => result);
  return masker.mask(JSON.stringify(visible));
}
