// When to try an HTTP exchange again, and how long to wait first: one loop and one verdict for
// deliveries and for the API sources alike.
import { isRetryableStatus, isSuccess, seconds, statusLine } from '../http-facts.js';
import { TransportError, type HttpAnswer } from './exchange.js';
import { answerReason } from './reason.js';

export interface RetryPolicy {
  /** Extra attempts after the first. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** The longest Retry-After we honour; a longer one fails at once. */
  retryAfterCapMs: number;
  random: () => number;
}

export const DEFAULT_BACKOFF = {
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  retryAfterCapMs: 60_000
};

/** What one attempt's answer means: the end (a success or a failure and why), or another try. */
export type Verdict =
  { kind: 'succeeded' } | { kind: 'failed'; error: string } | { kind: 'retry'; waitMs: number };

export interface Attempt {
  number: number;
  answer?: HttpAnswer;
  error?: TransportError;
  verdict: Verdict;
}

export interface RetryDeps {
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  onAttempt?: (attempt: Attempt) => void;
}

/** What a destination's answers mean beyond their status (SPEC §12). */
export interface AnswerMeaning {
  /** Why an answer with a 2xx status is a failure all the same (Telegram's `ok: false`). */
  failure?(answer: HttpAnswer): string | undefined;
  /** A 429's wait from its body, when the header has none. */
  retryAfterMs?(answer: HttpAnswer): number | undefined;
}

/** Sends until a verdict is final; returns the last attempt. */
export async function withRetries(
  send: (attempt: number) => Promise<HttpAnswer>,
  policy: RetryPolicy,
  deps: RetryDeps,
  meaning: AnswerMeaning = {}
): Promise<Attempt> {
  for (let number = 1; ; number++) {
    const attempt: Attempt = { number, verdict: { kind: 'succeeded' } };
    try {
      attempt.answer = await send(number);
    } catch (error) {
      if (!(error instanceof TransportError)) throw error;
      attempt.error = error;
    }
    attempt.verdict = judge(attempt, policy, deps.now(), meaning);
    deps.onAttempt?.(attempt);
    if (attempt.verdict.kind !== 'retry') return attempt;
    await deps.sleep(attempt.verdict.waitMs);
  }
}

export function judge(
  { number, answer, error }: Omit<Attempt, 'verdict'>,
  policy: RetryPolicy,
  nowMs: number,
  meaning: AnswerMeaning = {}
): Verdict {
  const last = number > policy.retries;
  if (!answer) {
    const reason = error?.message ?? 'no answer';
    if (error?.retryable && !last) return { kind: 'retry', waitMs: backoffDelayMs(policy, number) };
    return { kind: 'failed', error: withAttempts(reason, number) };
  }
  const { status } = answer;
  if (isSuccess(status)) {
    const failure = meaning.failure?.(answer);
    return failure
      ? { kind: 'failed', error: `${statusLine(status, answer.statusText)}: ${failure}` }
      : { kind: 'succeeded' };
  }
  const line = statusLine(status, answer.statusText);
  const reason = answerReason(answer.body);
  const because = reason ? `: ${reason}` : '';
  if (status >= 300 && status < 400) {
    const location = answer.headers.location;
    const where = location ? ` to ${location}` : '';
    return {
      kind: 'failed',
      error: `${line}: redirected${where}; redirects are not followed, use the final URL`
    };
  }
  if (!isRetryableStatus(status))
    return { kind: 'failed', error: `${line} (not retried)${because}` };
  if (last) return { kind: 'failed', error: `${withAttempts(line, number)}${because}` };
  const askedMs =
    retryAfterMs(answer.headers['retry-after'], nowMs) ??
    (status === 429 ? meaning.retryAfterMs?.(answer) : undefined);
  if (askedMs !== undefined && askedMs > policy.retryAfterCapMs) {
    const asked = `${line}: the server asked to retry after ${seconds(askedMs)}, longer than the ${seconds(policy.retryAfterCapMs)} we wait`;
    return { kind: 'failed', error: withAttempts(asked, number) };
  }
  return { kind: 'retry', waitMs: askedMs ?? backoffDelayMs(policy, number) };
}

function withAttempts(message: string, attempts: number): string {
  if (attempts === 1) return message;
  return / after /.test(message)
    ? `${message} (${attempts} attempts)`
    : `${message} after ${attempts} attempts`;
}

/** Exponential backoff with full jitter; `retryNumber` counts from 1. */
export function backoffDelayMs(policy: RetryPolicy, retryNumber: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retryNumber - 1));
  return Math.floor(policy.random() * ceiling);
}

// RFC 9110's HTTP-date: IMF-fixdate, or the obsolete RFC 850 and asctime forms.
const HTTP_DATE =
  /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]{0,6}, \d{2}[ -][A-Z][a-z]{2}[ -]\d{2,4} \d{2}:\d{2}:\d{2} GMT$|^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} \d{4}$/;

/**
 * Retry-After as delay-seconds (a non-negative integer) or an HTTP date; undefined when absent
 * or anything else (`-1`, `1.5`), so that backoff applies instead of a wait read wrongly.
 */
export function retryAfterMs(
  header: string | string[] | undefined,
  nowMs: number
): number | undefined {
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  if (!HTTP_DATE.test(value)) return undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

export function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms));
}
