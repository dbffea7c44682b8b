// Delivers rendered requests: each with its id, retried as the policy says, a bounded pool of
// concurrent deliveries, and results in the order they were asked for.
import { reasonPhrase } from '../http-facts.js';
import type { HttpAnswer, OutgoingRequest } from '../net/exchange.js';
import { withRetries, type RetryPolicy } from '../net/retry.js';
import type { AnswerReader } from '../destinations/types.js';
import type { RenderedRequest } from '../render/request.js';
import { attemptRequest } from './attempt.js';
import type { Signing } from './sign.js';

export interface DeliveryJob {
  name: string;
  /** The `webhook-id`, the same for every attempt (./webhook-id.ts). */
  id: string;
  request: RenderedRequest;
  signing?: Signing;
  timeoutMs: number;
  policy: RetryPolicy;
  /** A destination's way of answering (SPEC §12). */
  answers?: AnswerReader;
}

export interface AttemptReport {
  job: DeliveryJob;
  attempt: number;
  status?: number;
  statusText?: string;
  bodyExcerpt?: string;
  error?: string;
  /** Set when another attempt follows after this wait. */
  retryInMs?: number;
}

export interface DeliveryOutcome {
  ok: boolean;
  status: number | null;
  attempts: number;
  durationMs: number;
  error: string | null;
  deliveryId: string;
  /** The id the destination gave the message it created. */
  messageId: string | null;
}

export interface DeliveryDeps {
  send: (request: OutgoingRequest, timeoutMs: number) => Promise<HttpAnswer>;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  onAttempt?: (report: AttemptReport) => void;
}

export async function deliverAll(
  jobs: DeliveryJob[],
  concurrency: number,
  deps: DeliveryDeps
): Promise<DeliveryOutcome[]> {
  const outcomes = new Array<DeliveryOutcome>(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const index = next++;
      outcomes[index] = await deliver(jobs[index], deps);
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(Math.max(1, concurrency), jobs.length) }, worker)
  );
  return outcomes;
}

export async function deliver(job: DeliveryJob, deps: DeliveryDeps): Promise<DeliveryOutcome> {
  const deliveryId = job.id;
  const started = deps.now();
  // The id stays the same across attempts (the receiver's idempotency key); the timestamp and
  // the signature are made afresh for each.
  const send = () =>
    deps.send(
      attemptRequest(job.request, deliveryId, Math.floor(deps.now() / 1000), job.signing),
      job.timeoutMs
    );
  const answers = job.answers ?? {};
  const last = await withRetries(
    send,
    job.policy,
    {
      sleep: deps.sleep,
      now: deps.now,
      onAttempt: ({ number, answer, error, verdict }) =>
        deps.onAttempt?.({
          job,
          attempt: number,
          status: answer?.status,
          statusText: answer && reasonPhrase(answer.status, answer.statusText),
          bodyExcerpt: answer?.body,
          error: error?.message,
          retryInMs: verdict.kind === 'retry' ? verdict.waitMs : undefined
        })
    },
    answers
  );
  const succeeded = last.verdict.kind === 'succeeded';
  return {
    ok: succeeded,
    status: last.answer?.status ?? null,
    attempts: last.number,
    durationMs: Math.round(deps.now() - started),
    error: last.verdict.kind === 'failed' ? last.verdict.error : null,
    deliveryId,
    messageId: succeeded && last.answer ? (answers.messageId?.(last.answer) ?? null) : null
  };
}
