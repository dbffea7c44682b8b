/** ISO 8601 UTC without fractions, the way GitHub's API writes dates. */
export function isoSeconds(date: Date): string {
  const year = date.getUTCFullYear();
  // toISOString() writes the same, but its first call costs a measurable part of a run's start.
  if (!(year >= 0 && year <= 9999)) return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const two = (n: number) => (n < 10 ? `0${n}` : String(n));
  const day = `${String(year).padStart(4, '0')}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}`;
  return `${day}T${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}Z`;
}

/** Accepts an ISO 8601 / RFC 2822 date or Unix seconds; undefined when it does not parse. */
export function parseDate(text: string): Date | undefined {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return new Date(Number(trimmed) * 1000);
  if (!/\d/.test(trimmed)) return undefined;
  const date = new Date(trimmed);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
