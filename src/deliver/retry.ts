// When to try a delivery again, and how long to wait first.

export interface RetryPolicy {
  /** Extra attempts after the first. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** The longest Retry-After we honour; a longer one fails the delivery at once. */
  retryAfterCapMs: number;
  random: () => number;
}

export const DEFAULT_BACKOFF = {
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  retryAfterCapMs: 60_000
};

const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
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
