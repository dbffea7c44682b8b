// Templates that only print variables — `{{ app.display_name }} {{ version.label }} is out` — are
// rendered here without loading liquidjs, whose load and first render are about a quarter of a
// plain run's time. The output equals Liquid's for every template accepted (a differential test
// holds it to that); anything else (tags, filters, literals, whitespace control, a value that is
// missing or not a string, number or boolean) is left to Liquid.
import type { RenderBudget } from './budget.js';

const OUTPUT = /\{\{ *([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*) *\}\}/g;
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
    const value = isPlainText(text) ? valueAt(scope, match[1]) : undefined;
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

function valueAt(scope: object, path: string): string | undefined {
  const keys = path.split('.');
  if (LITERALS.has(keys[0])) return undefined;
  let value: unknown = scope;
  for (const key of keys) {
    if (!isPlainObject(value) || !Object.hasOwn(value, key)) return undefined;
    value = value[key];
  }
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'boolean':
      return String(value);
    default:
      return undefined;
  }
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
