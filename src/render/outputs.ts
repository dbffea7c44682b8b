// Templates made only of `{{ name.path }}` outputs, printed without loading liquidjs. Equal to it
// by construction: no filters, tags or literals, and only paths that reach text, a number, a
// boolean or nil through plain objects, which Liquid prints as String(value) ('' for nil); a
// missing name fails as Liquid's strict variables fail, at the same line and column.

const TAG_START = /\{[{%]/g;
const OUTPUT = /\{\{[ \t]*([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)[ \t]*\}\}/y;
/** Names Liquid reads as literals or computes (`size`, `first`, `last`), never as plain keys. */
const SPECIAL = new Set([
  'true',
  'false',
  'nil',
  'null',
  'empty',
  'blank',
  'size',
  'first',
  'last'
]);

export class UnknownVariable extends Error {
  constructor(
    path: string,
    readonly line: number,
    readonly col: number
  ) {
    super(`undefined variable: ${path}`);
  }
}

interface Output {
  start: number;
  end: number;
  /** Offset of the path's first character. */
  at: number;
  path: string[];
}

/** Each output of a template made only of outputs (and text), or undefined. */
function outputsOf(source: string): Output[] | undefined {
  const outputs: Output[] = [];
  TAG_START.lastIndex = 0;
  for (let tag = TAG_START.exec(source); tag; tag = TAG_START.exec(source)) {
    OUTPUT.lastIndex = tag.index;
    const match = OUTPUT.exec(source);
    if (!match) return undefined;
    const path = match[1].split('.');
    if (path.some(name => SPECIAL.has(name))) return undefined;
    outputs.push({
      start: tag.index,
      end: OUTPUT.lastIndex,
      at: match.index + match[0].indexOf(match[1]),
      path
    });
    TAG_START.lastIndex = OUTPUT.lastIndex;
  }
  return outputs;
}

type Step = { found: true; value: unknown } | { found: false; depth: number };

/** Walks `path` through own properties, as Liquid's `ownPropertyOnly` does. */
function walk(scope: object, path: string[]): Step {
  let value: unknown = scope;
  for (let depth = 0; depth < path.length; depth++) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return { found: false, depth: -1 };
    if (!Object.hasOwn(value, path[depth])) return { found: false, depth };
    value = (value as Record<string, unknown>)[path[depth]];
  }
  return { found: true, value };
}

const isPrintable = (value: unknown) =>
  value === null || ['string', 'number', 'boolean'].includes(typeof value);

/**
 * Whether `source` can be printed here for `scope` (a run's scope: what differs between webhooks
 * is text): every path reaches a printable value, or stops at a name a plain object lacks.
 */
export function isOutputsOnly(source: string, scope: object): boolean {
  const outputs = outputsOf(source);
  return (
    outputs !== undefined &&
    outputs.every(({ path }) => {
      const step = walk(scope, path);
      return step.found ? isPrintable(step.value) : step.depth >= 0;
    })
  );
}

/** The text Liquid gives for a template `isOutputsOnly` accepted for this scope. */
export function printOutputs(source: string, scope: object): string {
  const outputs = outputsOf(source) ?? [];
  let text = '';
  let from = 0;
  for (const { start, end, at, path } of outputs) {
    const step = walk(scope, path);
    if (!step.found) {
      const before = source.slice(0, at);
      const line = before.split('\n').length;
      const col = at - before.lastIndexOf('\n');
      throw new UnknownVariable(path.slice(0, step.depth + 1).join('.'), line, col);
    }
    text += source.slice(from, start) + String(step.value ?? '');
    from = end;
  }
  return text + source.slice(from);
}
