// JSON given as a string (PatchKit Panel's way of writing a payload): strictly checked, with the
// line and column of the first syntax error (the engine's own messages do not always say where),
// and read into the config's tree with each node's offset, so that each string inside becomes a
// template placed in the file.
import { LinePositions, type YamlNode, type YamlPair, type YamlScalar } from './yaml-tree.js';

export type JsonTextResult =
  { ok: true; tree: YamlNode } | { ok: false; message: string; line: number; col: number };

/** Deeper nesting is refused before it could exhaust the stack. */
export const MAX_JSON_DEPTH = 256;

export function parseJsonText(text: string): JsonTextResult {
  try {
    return { ok: true, tree: readJson(text) };
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const { line, col } = new LinePositions(text).at(error.offset);
    return { ok: false, message: `${error.reason} at line ${line}, column ${col}`, line, col };
  }
}

class JsonSyntaxError {
  constructor(
    readonly offset: number,
    readonly reason: string
  ) {}
}

const LITERAL = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/**
 * Strings become double-quoted scalars; numbers, booleans and null are resolved as the yaml
 * library resolves them (JSON is YAML), keeping the number as written.
 */
function readJson(text: string): YamlNode {
  let i = 0;
  let depth = 0;
  const fail = (reason: string): never => {
    throw new JsonSyntaxError(i, reason);
  };
  const skipSpace = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const expect = (char: string, reason: string) => {
    skipSpace();
    if (text[i] !== char) fail(reason);
    i++;
  };
  const string = (): YamlScalar => {
    const start = i;
    i++;
    while (i < text.length) {
      const char = text[i];
      if (char === '"') {
        i++;
        const value = JSON.parse(text.slice(start, i)) as string;
        return { kind: 'scalar', value, style: 'QUOTE_DOUBLE', source: value, start, end: i };
      }
      if (char === '\\') {
        ESCAPE.lastIndex = i;
        if (!ESCAPE.test(text)) fail('invalid escape in a string');
        i = ESCAPE.lastIndex;
      } else if (char < ' ') {
        fail('a control character (such as a line break) inside a string; write it as \\n');
      } else {
        i++;
      }
    }
    return fail('a string is not closed');
  };
  const sequence = <T>(close: string, item: () => T): T[] => {
    if (++depth > MAX_JSON_DEPTH) fail(`nested deeper than ${MAX_JSON_DEPTH} levels`);
    const items: T[] = [];
    i++;
    skipSpace();
    if (text[i] === close) {
      i++;
    } else {
      for (;;) {
        items.push(item());
        skipSpace();
        if (text[i] === close) {
          i++;
          break;
        }
        expect(',', `expected ',' or '${close}'`);
      }
    }
    depth--;
    return items;
  };
  const pair = (): YamlPair => {
    skipSpace();
    if (text[i] !== '"') fail('expected a "quoted" property name');
    const key = string();
    expect(':', "expected ':' after a property name");
    return { key, value: value() };
  };
  const value = (): YamlNode => {
    skipSpace();
    const start = i;
    const char = text[i];
    if (char === '{') return { kind: 'map', pairs: sequence('}', pair), start, end: i };
    if (char === '[') return { kind: 'seq', items: sequence(']', value), start, end: i };
    if (char === '"') return string();
    LITERAL.lastIndex = i;
    if (!LITERAL.test(text))
      fail(i >= text.length ? 'the text ends too early' : `unexpected ${JSON.stringify(char)}`);
    i = LITERAL.lastIndex;
    const source = text.slice(start, i);
    return { kind: 'scalar', value: literal(source), style: 'PLAIN', source, start, end: i };
  };
  const root = value();
  skipSpace();
  if (i < text.length) fail('unexpected text after the JSON value');
  return root;
}

function literal(source: string): number | boolean | null {
  if (source === 'null') return null;
  return source === 'true' || source === 'false' ? source === 'true' : Number(source);
}
