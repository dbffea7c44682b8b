// Strict JSON validation of a string, with the line and column of the first syntax error (the
// engine's own messages do not always say where), and the tree of a valid one.
import { resolvePlain } from './common-yaml.js';
import type { YamlMap, YamlNode, YamlScalar, YamlSeq } from './yaml-tree.js';

export type JsonTextResult =
  { ok: true; value: unknown } | { ok: false; message: string; line: number; col: number };

export function parseJsonText(text: string): JsonTextResult {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    const { offset, reason } = locateJsonError(text);
    const before = text.slice(0, offset).split('\n');
    const line = before.length;
    const col = before[before.length - 1].length + 1;
    return { ok: false, message: `${reason} at line ${line}, column ${col}`, line, col };
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

function locateJsonError(text: string): { offset: number; reason: string } {
  let i = 0;
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
  const string = () => {
    i++;
    while (i < text.length) {
      const char = text[i];
      if (char === '"') {
        i++;
        return;
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
    fail('a string is not closed');
  };
  const sequence = (close: string, item: () => void) => {
    i++;
    skipSpace();
    if (text[i] === close) {
      i++;
      return;
    }
    for (;;) {
      item();
      skipSpace();
      if (text[i] === close) {
        i++;
        return;
      }
      expect(',', `expected ',' or '${close}'`);
    }
  };
  const value = (): void => {
    skipSpace();
    const char = text[i];
    if (char === '{') {
      sequence('}', () => {
        skipSpace();
        if (text[i] !== '"') fail('expected a "quoted" property name');
        string();
        expect(':', "expected ':' after a property name");
        value();
      });
    } else if (char === '[') {
      sequence(']', value);
    } else if (char === '"') {
      string();
    } else {
      LITERAL.lastIndex = i;
      if (!LITERAL.test(text))
        fail(i >= text.length ? 'the text ends too early' : `unexpected ${JSON.stringify(char)}`);
      i = LITERAL.lastIndex;
    }
  };
  try {
    value();
    skipSpace();
    if (i < text.length) fail('unexpected text after the JSON value');
  } catch (error) {
    if (error instanceof JsonSyntaxError) return error;
    throw error;
  }
  return { offset: 0, reason: 'invalid JSON' };
}

/**
 * The tree of JSON text that `parseJsonText` accepted, with each node's offset: strings as
 * double-quoted scalars, other values resolved as YAML resolves them (JSON is YAML).
 */
export function jsonTree(text: string): YamlNode {
  let i = 0;
  const skipSpace = () => {
    while (' \t\n\r'.includes(text[i]) && i < text.length) i++;
  };
  const string = (): YamlScalar => {
    const start = i;
    i++;
    while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    const value = JSON.parse(text.slice(start, i)) as string;
    return { kind: 'scalar', value, style: 'QUOTE_DOUBLE', source: value, start, end: i };
  };
  const value = (): YamlNode => {
    skipSpace();
    const start = i;
    if (text[i] === '{') {
      const map: YamlMap = { kind: 'map', pairs: [], start, end: start };
      i++;
      skipSpace();
      while (text[i] !== '}') {
        skipSpace();
        const key = string();
        skipSpace();
        i++;
        map.pairs.push({ key, value: value() });
        skipSpace();
        if (text[i] === ',') i++;
      }
      map.end = ++i;
      return map;
    }
    if (text[i] === '[') {
      const seq: YamlSeq = { kind: 'seq', items: [], start, end: start };
      i++;
      skipSpace();
      while (text[i] !== ']') {
        seq.items.push(value());
        skipSpace();
        if (text[i] === ',') i++;
        skipSpace();
      }
      seq.end = ++i;
      return seq;
    }
    if (text[i] === '"') return string();
    LITERAL.lastIndex = i;
    LITERAL.test(text);
    i = LITERAL.lastIndex;
    const source = text.slice(start, i);
    return { kind: 'scalar', value: resolvePlain(source), style: 'PLAIN', source, start, end: i };
  };
  return value();
}
