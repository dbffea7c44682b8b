// The keys of webhooks.yml and their limits: read by the loader and by the JSON Schema generator,
// so the two cannot drift.

export const SHARED_KEYS = [
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
  'continue-on-error'
] as const;
export const WEBHOOK_KEYS = ['name', 'url', ...SHARED_KEYS] as const;
export const TOP_LEVEL_KEYS = ['defaults', 'webhooks'] as const;

export type SharedKey = (typeof SHARED_KEYS)[number];

/** Seconds per attempt: above 0, at most this. */
export const MAX_TIMEOUT_SECONDS = 600;
export const MAX_RETRIES = 10;

// RFC 9110 token characters.
export const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
