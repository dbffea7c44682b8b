/** ISO 8601 UTC without fractions, the way GitHub's API writes dates. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Accepts an ISO 8601 / RFC 2822 date or Unix seconds; undefined when it does not parse. */
export function parseDate(text: string): Date | undefined {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return new Date(Number(trimmed) * 1000);
  if (!/\d/.test(trimmed)) return undefined;
  const date = new Date(trimmed);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
