import { describe, expect, it } from '@jest/globals';
import { dateOfUnixSeconds, isoSeconds, parseDate } from '../../src/context/dates.js';

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

describe('parseDate', () => {
  it.each([
    ['2026-05-01T12:00:00Z', '2026-05-01T12:00:00Z'],
    ['2026-05-01T14:00:00+02:00', '2026-05-01T12:00:00Z'],
    ['2026-05-01', '2026-05-01T00:00:00Z'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00Z'],
    ['Fri, 01 May 2026 12:00:00 GMT', '2026-05-01T12:00:00Z'],
    ['1780000000', '2026-05-28T20:26:40Z'],
    ['0', '1970-01-01T00:00:00Z']
  ])('reads %s', (text, iso) => {
    const date = parseDate(text);
    expect(date && isoSeconds(date)).toBe(iso);
  });

  it.each([
    '2026-02-30',
    '2025-02-29T00:00:00Z',
    '2026-13-01',
    '2026-05-01T24:00:00Z',
    '-1',
    '1.5',
    '1969-12-31T23:59:59Z',
    '10000-01-01',
    '99999999999999',
    'soon',
    ''
  ])('refuses %s', text => {
    expect(parseDate(text)).toBeUndefined();
  });

  it('reads Unix seconds only within the years 1970–9999', () => {
    expect(dateOfUnixSeconds(253402300799)).toBeDefined();
    expect(dateOfUnixSeconds(253402300800)).toBeUndefined();
    expect(dateOfUnixSeconds(Number.NaN)).toBeUndefined();
  });
});
