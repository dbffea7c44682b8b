// Delivers rendered requests: retries with backoff, Retry-After, a bounded pool of concurrent
// deliveries, and results in the order they were asked for.
import { randomUUID } from '../crypto.js';
import { STATUS_CODES } from 'node:http';
import type { RenderedRequest } from '../render/request.js';
import { attemptRequest, type AttemptRequest } from './attempt.js';
import { seconds, TransportError, type HttpAnswer } from './http.js';
import { backoffDelayMs, isRetryableStatus, retryAfterMs, type RetryPolicy } from './retry.js';
import type { Signing } from './sign.js';

export interface DeliveryJob {
  name: string;
  request: RenderedRequest;
  signing?: Signing;
  timeoutMs: number;
  policy: RetryPolicy;
}

export interface AttemptReport {
  job: DeliveryJob;
  attempt: number;
  sent: AttemptRequest;
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
}

export interface DeliveryDeps {
  send: (request: AttemptRequest, timeoutMs: number) => Promise<HttpAnswer>;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  newId?: () => string;
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
  const deliveryId = (deps.newId ?? randomUUID)();
  const started = deps.now();
  const maxAttempts = job.policy.retries + 1;
  const finish = (attempts: number, ok: boolean, status: number | null, error: string | null) => ({
    ok,
    status,
    attempts,
    durationMs: Math.round(deps.now() - started),
    error,
    deliveryId
  });

  for (let attempt = 1; ; attempt++) {
    const sent = attemptRequest(
      job.request,
      deliveryId,
      Math.floor(deps.now() / 1000),
      job.signing
    );
    const report: AttemptReport = { job, attempt, sent };
    let verdict: { done: true; outcome: DeliveryOutcome } | { done: false; waitMs: number };
    try {
      const answer = await deps.send(sent, job.timeoutMs);
      Object.assign(report, {
        status: answer.status,
        statusText: answer.statusText || STATUS_CODES[answer.status] || '',
        bodyExcerpt: answer.body
      });
      verdict = judgeAnswer(answer, attempt, maxAttempts, job.policy, deps.now(), finish);
    } catch (error) {
      if (!(error instanceof TransportError)) throw error;
      report.error = error.message;
      verdict =
        error.retryable && attempt < maxAttempts
          ? { done: false, waitMs: backoffDelayMs(job.policy, attempt) }
          : {
              done: true,
              outcome: finish(attempt, false, null, withAttempts(error.message, attempt))
            };
    }
    if (!verdict.done) report.retryInMs = verdict.waitMs;
    deps.onAttempt?.(report);
    if (verdict.done) return verdict.outcome;
    await deps.sleep(verdict.waitMs);
  }
}

function judgeAnswer(
  answer: HttpAnswer,
  attempt: number,
  maxAttempts: number,
  policy: RetryPolicy,
  nowMs: number,
  finish: (
    attempts: number,
    ok: boolean,
    status: number | null,
    error: string | null
  ) => DeliveryOutcome
): { done: true; outcome: DeliveryOutcome } | { done: false; waitMs: number } {
  const { status } = answer;
  const statusLine = `${status} ${answer.statusText || STATUS_CODES[status] || ''}`.trim();
  if (status >= 200 && status < 300)
    return { done: true, outcome: finish(attempt, true, status, null) };
  if (status >= 300 && status < 400) {
    const location = answer.headers.location;
    const where = location ? ` to ${location}` : '';
    return {
      done: true,
      outcome: finish(
        attempt,
        false,
        status,
        `${statusLine}: redirected${where}; redirects are not followed, use the final URL`
      )
    };
  }
  if (!isRetryableStatus(status))
    return { done: true, outcome: finish(attempt, false, status, `${statusLine} (not retried)`) };
  if (attempt >= maxAttempts)
    return {
      done: true,
      outcome: finish(attempt, false, status, withAttempts(statusLine, attempt))
    };

  const askedMs = retryAfterMs(answer.headers['retry-after'], nowMs);
  if (askedMs !== undefined && askedMs > policy.retryAfterCapMs) {
    const error = `${statusLine}: the server asked to retry after ${seconds(askedMs)}, longer than the ${seconds(policy.retryAfterCapMs)} we wait`;
    return { done: true, outcome: finish(attempt, false, status, withAttempts(error, attempt)) };
  }
  return { done: false, waitMs: askedMs ?? backoffDelayMs(policy, attempt) };
}

function withAttempts(message: string, attempts: number): string {
  if (attempts === 1) return message;
  return / after /.test(message)
    ? `${message} (${attempts} attempts)`
    : `${message} after ${attempts} attempts`;
}
