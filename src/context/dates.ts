// Dates of versions: parsed strictly (a real calendar date, years 1970–9999) and written as
// GitHub's API writes them.

/** ISO 8601 UTC without fractions, the way GitHub's API writes dates. */
export function isoSeconds(date: Date): string {
  const year = date.getUTCFullYear();
  // toISOString() writes the same, but its first call costs a measurable part of a run's start.
  if (!(year >= 0 && year <= 9999)) return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const two = (n: number) => (n < 10 ? `0${n}` : String(n));
  const day = `${String(year).padStart(4, '0')}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}`;
  return `${day}T${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}Z`;
}

const FIRST_YEAR = 1970;
const LAST_YEAR = 9999;

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** `Fri, 01 May 2026 12:00:00 GMT`, `1 May 2026 12:00 +0200`: a day, a month's name, a year. */
const RFC_2822 =
  /^(?:[A-Za-z]{3},?\s+)?\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\s+\d{4}\b/i;

/**
 * A date written as ISO 8601, RFC 2822 or Unix seconds (digits only); undefined when it does not
 * parse, names a day that does not exist (2026-02-30), or lies outside the years 1970–9999.
 */
export function parseDate(text: string): Date | undefined {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return dateOfUnixSeconds(Number(trimmed));
  const iso = ISO_DATE.exec(trimmed);
  if (iso) {
    if (!isRealDateAndTime(iso.slice(1, 7).map(part => Number(part ?? 0)))) return undefined;
  } else if (!RFC_2822.test(trimmed)) {
    return undefined;
  }
  const date = new Date(trimmed);
  return Number.isNaN(date.getTime()) ? undefined : withinYears(date);
}

/** Unix seconds as a date, within the years we accept. */
export function dateOfUnixSeconds(seconds: number): Date | undefined {
  return Number.isFinite(seconds) ? withinYears(new Date(seconds * 1000)) : undefined;
}

function withinYears(date: Date): Date | undefined {
  const year = date.getUTCFullYear();
  return year >= FIRST_YEAR && year <= LAST_YEAR ? date : undefined;
}

function isRealDateAndTime([year, month, day, hour, minute, second]: number[]): boolean {
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59
  );
}
