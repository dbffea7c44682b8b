// liquidjs's `date` filter for the plain renderer, as the action's Liquid runs it: times shown in
// UTC (timezoneOffset 0), names in English (locale en-US). Only what can be matched exactly is
// taken — an ISO 8601 time in UTC, a date, or Unix seconds, and the conversions below — and a
// differential test holds each to liquidjs; anything else is left to Liquid.

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December'
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const ISO_UTC = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?Z)?$/;

/** The UTC instant a value names, as liquidjs reads it; undefined where Liquid must decide. */
function instantOf(value: string | number | boolean): Date | undefined {
  let time: number;
  if (typeof value === 'number') time = value * 1000;
  else if (typeof value === 'string' && /^\d{1,12}$/.test(value)) time = Number(value) * 1000;
  else if (typeof value === 'string' && ISO_UTC.test(value)) time = Date.parse(value);
  else return undefined;
  const date = new Date(time);
  const year = date.getUTCFullYear();
  return Number.isNaN(time) || year < 1000 || year > 9999 ? undefined : date;
}

function dayOfYear(date: Date): number {
  const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  return (day - Date.UTC(date.getUTCFullYear(), 0, 1)) / 86_400_000 + 1;
}

const hours12 = (date: Date) => String(date.getUTCHours() % 12 || 12);

/** Each conversion's value, with the width and padding liquidjs gives it. */
const CONVERSIONS: Record<string, [(date: Date) => string | number, number, ' ' | '0']> = {
  a: [date => DAYS[date.getUTCDay()].slice(0, 3), 0, ' '],
  A: [date => DAYS[date.getUTCDay()], 0, ' '],
  b: [date => MONTHS[date.getUTCMonth()].slice(0, 3), 0, ' '],
  h: [date => MONTHS[date.getUTCMonth()].slice(0, 3), 0, '0'],
  B: [date => MONTHS[date.getUTCMonth()], 0, ' '],
  C: [date => Math.floor(date.getUTCFullYear() / 100), 2, '0'],
  d: [date => date.getUTCDate(), 2, '0'],
  e: [date => date.getUTCDate(), 2, ' '],
  H: [date => date.getUTCHours(), 2, '0'],
  I: [hours12, 2, '0'],
  j: [date => dayOfYear(date), 3, '0'],
  k: [date => date.getUTCHours(), 2, ' '],
  l: [hours12, 2, ' '],
  L: [date => date.getUTCMilliseconds(), 3, '0'],
  m: [date => date.getUTCMonth() + 1, 2, '0'],
  M: [date => date.getUTCMinutes(), 2, '0'],
  p: [date => (date.getUTCHours() < 12 ? 'AM' : 'PM'), 0, ' '],
  P: [date => (date.getUTCHours() < 12 ? 'am' : 'pm'), 0, ' '],
  s: [date => Math.floor(date.getTime() / 1000), 0, '0'],
  S: [date => date.getUTCSeconds(), 2, '0'],
  u: [date => date.getUTCDay() || 7, 0, '0'],
  w: [date => date.getUTCDay(), 0, '0'],
  y: [date => date.getUTCFullYear() % 100, 2, '0'],
  Y: [date => date.getUTCFullYear(), 4, '0'],
  '%': [() => '%', 0, '0']
};

const DIRECTIVE = /%([-_0^#]*)(\d*)(.)/g;

/** `{{ value | date: "format" }}` as liquidjs writes it, or undefined where Liquid must. */
export function formatDate(value: string | number | boolean, format: string): string | undefined {
  const date = instantOf(value);
  if (!date || /%[-_0^#]*\d*$/.test(format)) return undefined;
  let output = '';
  let from = 0;
  for (const match of format.matchAll(DIRECTIVE)) {
    const [whole, flags, width, conversion] = match;
    const known = CONVERSIONS[conversion];
    if (!known || flags.includes('#')) return undefined;
    const [convert, defaultWidth, defaultPad] = known;
    let text = String(convert(date));
    if (flags.includes('^')) text = text.toUpperCase();
    const pad = flags.includes('_') ? ' ' : flags.includes('0') ? '0' : defaultPad;
    const padWidth = flags.includes('-') ? 0 : Number(width) || defaultWidth;
    output += format.slice(from, match.index) + text.padStart(padWidth, pad);
    from = match.index + whole.length;
  }
  return output + format.slice(from);
}
