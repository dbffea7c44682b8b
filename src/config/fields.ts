// The keys of webhooks.yml and their limits: read by the loader and by the JSON Schema generator,
// so the two cannot drift.

export const SHARED_KEYS = [
  'to',
  'event',
  'method',
  'headers',
  'format',
  'payload',
  'when',
  'enabled',
  'secret',
  'signature',
  'timeout',
  'retries',
  'continue-on-error',
  'update',
  'auth'
] as const;
export const WEBHOOK_KEYS = ['name', 'url', ...SHARED_KEYS] as const;
export const TOP_LEVEL_KEYS = ['defaults', 'webhooks'] as const;

export type SharedKey = (typeof SHARED_KEYS)[number];

/** Seconds per attempt: above 0, at most this. */
export const MAX_TIMEOUT_SECONDS = 600;
export const MAX_RETRIES = 10;
export const MAX_CONCURRENCY = 64;

export interface NumberRule {
  fallback: number;
  valid: (n: number) => boolean;
  /** Completes "must be …" or "is not …". */
  expected: string;
}

/** The numbers of a run, as webhooks.yml, the action's inputs and the CLI's options read them. */
export const NUMBER_RULES = {
  timeout: {
    fallback: 10,
    valid: n => n > 0 && n <= MAX_TIMEOUT_SECONDS,
    expected: `a number of seconds above 0, at most ${MAX_TIMEOUT_SECONDS}`
  },
  retries: {
    fallback: 2,
    valid: n => Number.isInteger(n) && n >= 0 && n <= MAX_RETRIES,
    expected: `a whole number from 0 to ${MAX_RETRIES}`
  },
  concurrency: {
    fallback: 4,
    valid: n => Number.isInteger(n) && n >= 1 && n <= MAX_CONCURRENCY,
    expected: `a whole number from 1 to ${MAX_CONCURRENCY}`
  }
} satisfies Record<string, NumberRule>;

// RFC 9110 token characters.
export const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
