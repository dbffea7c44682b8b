// Templates that only print variables — `{{ app.display_name }} {{ version.label }} is out` —
// or pass one through `truncate: N` or `default: "text"`, the filters release messages use most,
// are rendered here without loading liquidjs, whose load and first render are a large share of a
// run's start-up. The output equals Liquid's for every template accepted (a differential test
// holds it to that); anything else (tags, other filters, literals, whitespace control, a value
// that is missing or not a string, number or boolean) is left to Liquid.
import type { RenderBudget } from './budget.js';

const OUTPUT =
  /\{\{ *([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*) *(?:\| *(truncate|default) *(?:: *(\d{1,9}|"[^"]*"|'[^']*') *)?)?\}\}/g;
/** Liquid reads these as literals, never as variables. */
const LITERALS = new Set(['true', 'false', 'nil', 'null', 'empty', 'blank']);

/** Liquid's output for `source`, or undefined when the template needs Liquid itself. */
export function renderPlain(
  source: string,
  scope: object,
  budget: RenderBudget
): string | undefined {
  let output = '';
  let textFrom = 0;
  for (const match of source.matchAll(OUTPUT)) {
    const text = source.slice(textFrom, match.index);
    const value = isPlainText(text)
      ? filtered(valueAt(scope, match[1]), match[2], match[3])
      : undefined;
    if (value === undefined) return undefined;
    budget.spend(text.length + value.length);
    output += text + value;
    textFrom = match.index + match[0].length;
  }
  const rest = source.slice(textFrom);
  budget.spend(rest.length);
  return isPlainText(rest) ? output + rest : undefined;
}

/** Text with no brace at all cannot open, close or disturb a Liquid tag. */
function isPlainText(text: string): boolean {
  return !text.includes('{') && !text.includes('}');
}

type Plain = string | number | boolean;

/** The printed value, through the filter when there is one; undefined where Liquid must decide. */
function filtered(
  value: Plain | undefined,
  filter?: string,
  argument?: string
): string | undefined {
  if (value === undefined) return undefined;
  if (filter === 'truncate') {
    if (typeof value !== 'string' || (argument !== undefined && !/^\d+$/.test(argument)))
      return undefined;
    return truncate(value, argument === undefined ? 50 : Number(argument));
  }
  if (filter === 'default') {
    if (argument === undefined || /^\d/.test(argument)) return undefined;
    const fallback = argument.slice(1, -1);
    if (fallback.includes('{') || fallback.includes('}')) return undefined;
    // Liquid's default: an empty string, false or nil gives way (0 is not falsy in Liquid).
    return value === '' || value === false ? fallback : String(value);
  }
  return String(value);
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
