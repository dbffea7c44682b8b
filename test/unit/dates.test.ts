import { describe, expect, it } from '@jest/globals';
import { isoSeconds } from '../../src/context/dates.js';

const byToISOString = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

describe('isoSeconds', () => {
  it('writes what toISOString writes, without the fraction, for every kind of date', () => {
    const dates = [
      new Date(0),
      new Date('2026-11-28T01:02:03.456Z'),
      new Date('2026-12-31T23:59:59.999Z'),
      new Date(Date.UTC(999, 0, 1)),
      new Date(Date.UTC(0, 0, 1) - 86_400_000 * 365 * 1900),
      new Date('9999-12-31T23:59:59Z'),
      new Date('+010000-01-01T00:00:00Z'),
      new Date('-000100-06-15T12:00:00Z'),
      ...Array.from({ length: 500 }, (_, i) => new Date(i * 7_919_999_977_123 - 2e15))
    ];
    for (const date of dates) expect(isoSeconds(date)).toBe(byToISOString(date));
  });

  it('refuses an invalid date as toISOString does', () => {
    expect(() => isoSeconds(new Date(NaN))).toThrow(RangeError);
  });
});
