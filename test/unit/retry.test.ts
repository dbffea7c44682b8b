import { describe, expect, it } from '@jest/globals';
import { isRetryableStatus } from '../../src/http-facts.js';
import { backoffDelayMs, retryAfterMs } from '../../src/net/retry.js';

describe('retry policy', () => {
  it.each([
    [408, true],
    [429, true],
    [500, true],
    [502, true],
    [503, true],
    [504, true],
    [400, false],
    [401, false],
    [404, false],
    [410, false],
    [501, false]
  ])('status %d retryable: %s', (status, retryable) => {
    expect(isRetryableStatus(status)).toBe(retryable);
  });

  it('backs off exponentially with full jitter, capped', () => {
    const policy = {
      retries: 5,
      baseDelayMs: 1000,
      maxDelayMs: 5000,
      retryAfterCapMs: 60000,
      random: () => 0.999
    };
    expect([1, 2, 3, 4, 5].map(n => backoffDelayMs(policy, n))).toEqual([
      999, 1998, 3996, 4995, 4995
    ]);
    expect(backoffDelayMs({ ...policy, random: () => 0 }, 3)).toBe(0);
  });

  it.each([
    ['0', 0],
    ['7', 7000],
    [' 12 ', 12000],
    ['Fri, 27 Nov 2026 12:00:30 GMT', 30000],
    ['Fri, 27 Nov 2026 11:00:00 GMT', 0],
    ['Friday, 27-Nov-26 12:00:30 GMT', 30000],
    ['Fri Nov 27 12:00:30 2026', 30000],
    ['soon', undefined],
    // Not delay-seconds, and no HTTP date: backoff applies, not a wait read as a past date.
    ['-1', undefined],
    ['1.5', undefined],
    ['', undefined],
    [undefined, undefined]
  ])('Retry-After %j waits %j ms', (header, expected) => {
    expect(retryAfterMs(header, Date.parse('2026-11-27T12:00:00Z'))).toBe(expected);
  });
});
