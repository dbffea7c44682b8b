// Templates that only print variables — `{{ app.display_name }} {{ version.label }} is out` —
// through a chain of the filters release messages use most (`truncate`, `default`, `upcase`,
// `downcase`, `capitalize`, `strip`, `escape`, `append`, `prepend`, `date` (./date.ts), our
// `json` and `human_size`, and the markup filters when the run has loaded them) are rendered here
// without loading liquidjs, whose load and first render are a large share of a run's start-up.
// The output equals Liquid's for every template accepted (a differential test holds it to that);
// anything else (tags, other filters or arguments, literals, whitespace control, a value that is
// missing or not a string, number or boolean) is left to Liquid.
import type { RenderBudget } from './budget.js';
import { formatDate } from './date.js';
import { human_size, json } from './filters.js';

const OUTPUT =
  /\{\{ *([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*) *((?:\| *[a-z_]+ *(?:: *(?:\d{1,9}|"[^"{}]*"|'[^'{}]*') *)?)*)\}\}/g;
const FILTER = /\| *([a-z_]+) *(?:: *(\d{1,9}|"[^"{}]*"|'[^'{}]*') *)?/g;
/** Liquid reads these as literals, never as variables. */
const LITERALS = new Set(['true', 'false', 'nil', 'null', 'empty', 'blank']);

type Plain = string | number | boolean;
/** A filter as Liquid runs it; undefined where its argument (or none) is Liquid's to judge. */
type PlainFilter = (value: Plain, argument: string | undefined) => Plain | undefined;
/** Filters added to Liquid's (the markup filters), run the same way here. */
export type ExtraFilters = Record<string, (value: unknown, ...args: unknown[]) => unknown>;

const text = (value: Plain) => String(value);
const withoutArgument =
  (filter: (value: string) => string): PlainFilter =>
  (value, argument) =>
    argument === undefined ? filter(text(value)) : undefined;
/** A quoted argument's text; undefined for a number or no argument. */
const quoted = (argument: string | undefined) =>
  argument !== undefined && /^["']/.test(argument) && !argument.includes('\\')
    ? argument.slice(1, -1)
    : undefined;
const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&#34;',
  "'": '&#39;'
};

const FILTERS: Record<string, PlainFilter> = {
  truncate: (value, argument) =>
    typeof value !== 'string' || (argument !== undefined && !/^\d+$/.test(argument))
      ? undefined
      : truncate(value, argument === undefined ? 50 : Number(argument)),
  // Liquid's default: an empty string, false or nil gives way (0 is not falsy in Liquid).
  default: (value, argument) => {
    const fallback = quoted(argument);
    if (fallback === undefined) return undefined;
    return value === '' || value === false ? fallback : value;
  },
  upcase: withoutArgument(value => value.toUpperCase()),
  downcase: withoutArgument(value => value.toLowerCase()),
  capitalize: withoutArgument(
    value => value.charAt(0).toUpperCase() + value.slice(1).toLowerCase()
  ),
  strip: withoutArgument(value => value.trim()),
  escape: withoutArgument(value => value.replace(/[&<>"']/g, char => HTML_ESCAPES[char])),
  append: (value, argument) => {
    const tail = quoted(argument);
    return tail === undefined ? undefined : text(value) + tail;
  },
  prepend: (value, argument) => {
    const head = quoted(argument);
    return head === undefined ? undefined : head + text(value);
  },
  date: (value, argument) => {
    const format = quoted(argument);
    return format === undefined ? undefined : formatDate(value, format);
  },
  json: (value, argument) => (argument === undefined ? json(value) : undefined),
  human_size: (value, argument) => (argument === undefined ? human_size(value) : undefined)
};

/** Liquid's output for `source`, or undefined when the template needs Liquid itself. */
export function renderPlain(
  source: string,
  scope: object,
  budget: RenderBudget,
  extraFilters: ExtraFilters = {}
): string | undefined {
  let output = '';
  let textFrom = 0;
  for (const match of source.matchAll(OUTPUT)) {
    const between = source.slice(textFrom, match.index);
    if (!isPlainText(between)) return undefined;
    let value: Plain | undefined = valueAt(scope, match[1]);
    for (const [, name, argument] of match[2].matchAll(FILTER)) {
      if (value === undefined) break;
      // As Liquid charges a filter: what it reads, then what it writes.
      budget.spend(text(value).length);
      value = applyFilter(name, value, argument, extraFilters);
      if (value !== undefined) budget.spend(text(value).length);
    }
    if (value === undefined) return undefined;
    const printed = text(value);
    budget.spend(between.length + printed.length);
    output += between + printed;
    textFrom = match.index + match[0].length;
  }
  const rest = source.slice(textFrom);
  budget.spend(rest.length);
  return isPlainText(rest) ? output + rest : undefined;
}

function applyFilter(
  name: string,
  value: Plain,
  argument: string | undefined,
  extraFilters: ExtraFilters
): Plain | undefined {
  if (Object.hasOwn(FILTERS, name)) return FILTERS[name](value, argument);
  if (!Object.hasOwn(extraFilters, name)) return undefined;
  // The markup filters take a length, or nothing.
  if (argument !== undefined && !/^\d+$/.test(argument)) return undefined;
  const output = extraFilters[name](value, ...(argument === undefined ? [] : [Number(argument)]));
  return typeof output === 'string' ? output : undefined;
}

/** Text with no brace at all cannot open, close or disturb a Liquid tag. */
function isPlainText(between: string): boolean {
  return !between.includes('{') && !between.includes('}');
}

/** liquidjs's truncate with its `...`: `length` counts code points, the ending included. */
function truncate(text: string, length: number): string {
  const ending = '...';
  if (text.length <= length || advanceCodePoints(text, length) >= text.length) return text;
  return text.slice(0, advanceCodePoints(text, Math.max(length - ending.length, 0))) + ending;
}

/** The index `count` code points into `text`, as liquidjs counts them. */
function advanceCodePoints(text: string, count: number): number {
  let index = 0;
  for (let i = 0; i < count && index < text.length; i++)
    index += (text.codePointAt(index) ?? 0) > 0xffff ? 2 : 1;
  return index;
}

function valueAt(scope: object, path: string): Plain | undefined {
  const keys = path.split('.');
  if (LITERALS.has(keys[0])) return undefined;
  let value: unknown = scope;
  for (const key of keys) {
    if (!isPlainObject(value) || !Object.hasOwn(value, key)) return undefined;
    value = value[key];
  }
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? value
    : undefined;
}

/** An object Liquid reads as a plain map: no class instance, no `toLiquid` of its own. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return (
    (prototype === Object.prototype || prototype === null) &&
    typeof (value as { toLiquid?: unknown }).toLiquid !== 'function'
  );
}
