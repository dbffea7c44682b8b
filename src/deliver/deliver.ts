// Delivers rendered requests: each with its id, retried as the policy says, a bounded pool of
// concurrent deliveries, and results in the order they were asked for.
import { reasonPhrase } from '../http-facts.js';
import type { HttpAnswer, OutgoingRequest } from '../net/exchange.js';
import { withRetries, type RetryPolicy } from '../net/retry.js';
import type { StepValues } from '../destinations/types.js';
import type { RequestStep } from '../render/request.js';
import { attemptRequest } from './attempt.js';
import type { Signing } from './sign.js';

export interface DeliveryJob {
  name: string;
  /** The `webhook-id`, the same for every attempt (./webhook-id.ts). */
  id: string;
  /** The requests, in order: each retried on its own, a failure named by its step. */
  steps: RequestStep[];
  signing?: Signing;
  /** For each request. */
  timeoutMs: number;
  policy: RetryPolicy;
}

export interface AttemptReport {
  job: DeliveryJob;
  /** The request this attempt made, as it may be shown, and its step's name when it has steps. */
  request: { method: string; url: string };
  step?: string;
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
  /** A credential a step's answer gave (a session token): masked from then on. */
  protect?: (secret: string) => void;
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
  let values: StepValues = {};
  let attempts = 0;
  let messageId: string | null = null;
  let status: number | null = null;
  for (const [index, step] of job.steps.entries()) {
    const request = step.request(values);
    const named = job.steps.length > 1 ? step.name : undefined;
    // The id stays the same across attempts (the receiver's idempotency key); the timestamp and
    // the signature are made afresh for each.
    const send = () => {
      const attempt = attemptRequest(
        request,
        deliveryId,
        Math.floor(deps.now() / 1000),
        job.signing
      );
      const signed = step.signAttempt?.(request).sent ?? [];
      return deps.send({ ...attempt, headers: [...attempt.headers, ...signed] }, job.timeoutMs);
    };
    const answers = step.answers ?? {};
    const givesSecrets = Object.values(step.gives).includes('secret');
    let given: StepValues = {};
    const last = await withRetries(
      send,
      job.policy,
      {
        sleep: deps.sleep,
        now: deps.now,
        onAttempt: ({ number, answer, error, verdict }) => {
          // What a step reads is read once, from its successful answer; a session's token is
          // masked before anything prints that answer, whose body is not printed at all.
          const succeeded = verdict.kind === 'succeeded' && answer !== undefined;
          if (succeeded) {
            given = step.values?.(answer) ?? {};
            for (const [name, value] of Object.entries(given))
              if (step.gives[name] === 'secret' && value) deps.protect?.(value);
          }
          deps.onAttempt?.({
            job,
            request: { method: request.method, url: request.shown.url },
            step: named,
            attempt: number,
            status: answer?.status,
            statusText: answer && reasonPhrase(answer.status, answer.statusText),
            bodyExcerpt: succeeded && givesSecrets ? undefined : answer?.body,
            error: error?.message,
            retryInMs: verdict.kind === 'retry' ? verdict.waitMs : undefined
          });
        }
      },
      answers
    );
    attempts += last.number;
    status = last.answer?.status ?? null;
    if (last.verdict.kind !== 'succeeded' || !last.answer) {
      const error = last.verdict.kind === 'failed' ? last.verdict.error : 'no answer';
      return {
        ok: false,
        status,
        attempts,
        durationMs: Math.round(deps.now() - started),
        error: named ? `${named} (step ${index + 1} of ${job.steps.length}): ${error}` : error,
        deliveryId,
        messageId: null
      };
    }
    values = { ...values, ...given };
    messageId = answers.messageId?.(last.answer) ?? messageId;
  }

  return {
    ok: true,
    status,
    attempts,
    durationMs: Math.round(deps.now() - started),
    error: null,
    deliveryId,
    messageId
  };
}
