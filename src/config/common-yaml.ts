// A reader for the YAML that configs are written in — block maps and lists, one-line scalars and
// flow collections, literal and folded blocks — giving the tree the yaml library gives, or none.
// Whatever it does not take (anchors, tags, several documents, multi-line plain or flow text,
// tabs, a CR outside a CRLF, a duplicate key, any error) it leaves to the library
// (yaml-library.ts), loaded only then, so a plain run neither compiles nor runs a full YAML
// implementation. test/unit/yaml.test.ts holds the two to the same tree over the repository's
// configs and thousands of mutations of them.
import type { YamlMap, YamlNode, YamlPair, YamlScalar, YamlSeq } from './yaml-tree.js';

/** Thrown where the text leaves the common subset; never escapes this module. */
class LeftToLibrary extends Error {}
const leave = (): never => {
  throw new LeftToLibrary();
};

/** Characters the reader leaves to the library wherever they occur: tabs, CR, other controls. */
const UNCOMMON_CHARACTERS = /[^\n\x20-\x7e\xa0-\u2027\u202a-\ufefe\uff00-\ufffd]/;
/** A document marker at the start of a line. */
const MARKER = /^(?:---|\.\.\.)(?=[ \n]|$)/m;
/** First characters that are indicators, never the start of a plain scalar here. */
const INDICATORS = ',[]{}#&*!|>\'"%@`';
/** Implicit keys may have 1024 characters (YAML 1.2 §7.4.2): near that, the library decides. */
const LONGEST_KEY = 1000;
const MAX_DEPTH = 64;

/** The root node (null for an empty file), or undefined when the library must read the text. */
export function parseCommonYaml(text: string): YamlNode | null | undefined {
  // Windows line endings (a checkout with core.autocrlf): read without the CRs, placed with them.
  const crlf = text.includes('\r\n');
  const lf = crlf ? text.replaceAll('\r\n', '\n') : text;
  if (UNCOMMON_CHARACTERS.test(lf)) return undefined;
  try {
    const root = new CommonYamlReader(lf).document();
    if (crlf && root) placeInOriginal(root, new CarriageReturns(text));
    return root;
  } catch (error) {
    if (error instanceof LeftToLibrary) return undefined;
    throw error;
  }
}

/** Maps offsets in the text read without CRs back to the text with them. */
class CarriageReturns {
  /** For each line after the first: where it starts without CRs, and how many CRs precede it. */
  private readonly starts: number[] = [];
  private readonly removed: number[] = [];

  constructor(text: string) {
    let removed = 0;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
      if (text[i - 1] === '\r') removed++;
      this.starts.push(i + 1 - removed);
      this.removed.push(removed);
    }
  }

  original(offset: number): number {
    let low = 0;
    let high = this.starts.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.starts[middle] <= offset) low = middle + 1;
      else high = middle;
    }
    return offset + (low === 0 ? 0 : this.removed[low - 1]);
  }
}

function placeInOriginal(node: YamlNode, crs: CarriageReturns) {
  node.start = crs.original(node.start);
  node.end = crs.original(node.end);
  if (node.kind === 'map')
    for (const { key, value } of node.pairs) {
      if (key) placeInOriginal(key, crs);
      if (value) placeInOriginal(value, crs);
    }
  if (node.kind === 'seq') for (const item of node.items) if (item) placeInOriginal(item, crs);
}

const isBlank = (char: string | undefined) => char === undefined || char === ' ' || char === '\n';

class CommonYamlReader {
  /** Always at the start of a line between constructs. */
  private pos = 0;
  private depth = 0;

  constructor(private readonly text: string) {}

  document(): YamlNode | null {
    this.skipEmptyLines();
    if (MARKER.test(this.text)) {
      // Only a `---` opening the one document.
      if (!this.text.startsWith('---', this.pos)) leave();
      this.endOfLine(this.pos + 3);
      this.skipEmptyLines();
      // An empty document after a marker is an empty scalar, not an empty file.
      if (this.pos >= this.text.length || MARKER.test(this.text.slice(this.pos))) leave();
    }
    if (this.pos >= this.text.length) return null;
    const indent = this.indentHere();
    const node = this.blockCollection(this.pos + indent, indent);
    this.skipEmptyLines();
    if (this.pos < this.text.length) leave();
    return node;
  }

  // Lines

  private lineEnd(from: number): number {
    const end = this.text.indexOf('\n', from);
    return end === -1 ? this.text.length : end;
  }

  /** Moves past the line holding `from`. */
  private nextLine(from: number) {
    this.pos = Math.min(this.lineEnd(from) + 1, this.text.length);
  }

  private indentHere(): number {
    return this.spacesFrom(this.pos) - this.pos;
  }

  /** The first offset from `at` that is not a space. */
  private spacesFrom(at: number): number {
    let i = at;
    while (this.text[i] === ' ') i++;
    return i;
  }

  /** Skips lines that hold only spaces or a comment. */
  private skipEmptyLines() {
    while (this.pos < this.text.length) {
      const first = this.pos + this.indentHere();
      if (first < this.text.length && this.text[first] !== '\n' && this.text[first] !== '#') return;
      this.nextLine(first);
    }
  }

  /** After a value: spaces, then a comment or the line's end. */
  private endOfLine(from: number) {
    const i = this.spacesFrom(from);
    if (i < this.text.length && this.text[i] !== '\n' && !(this.text[i] === '#' && i > from))
      leave();
    this.nextLine(i);
  }

  private isSequenceEntry(at: number): boolean {
    return this.text[at] === '-' && isBlank(this.text[at + 1]);
  }

  // Block collections

  /** A map or a list starting at `at`, in column `indent` (from 0). */
  private blockCollection(at: number, indent: number): YamlMap | YamlSeq {
    return this.nested(() =>
      this.isSequenceEntry(at)
        ? this.blockSequence(at, indent)
        : (this.blockMap(at, indent) ?? leave())
    );
  }

  /** Reads a collection one level deeper: nesting no config needs is the library's business. */
  private nested<T>(read: () => T): T {
    if (++this.depth > MAX_DEPTH) leave();
    const node = read();
    this.depth--;
    return node;
  }

  private blockMap(at: number, indent: number): YamlMap | undefined {
    let key = this.key(at);
    if (!key) return undefined;
    const pairs: YamlPair[] = [];
    const seen = new Set<unknown>();
    for (;;) {
      // A duplicate (or NaN) key: the library reports it.
      if (seen.has(key.node.value)) leave();
      seen.add(key.node.value);
      const value = this.valueAfter(key.after, indent, true);
      pairs.push({ key: key.node, value });
      this.skipEmptyLines();
      if (this.pos >= this.text.length) break;
      const next = this.indentHere();
      if (next < indent) break;
      if (next > indent) leave();
      key = this.key(this.pos + next) ?? leave();
    }
    return { kind: 'map', pairs, start: at, end: this.pos };
  }

  private blockSequence(at: number, indent: number): YamlSeq {
    const items: YamlNode[] = [];
    let entry = at;
    for (;;) {
      items.push(this.valueAfter(entry + 1, indent, false));
      this.skipEmptyLines();
      if (this.pos >= this.text.length) break;
      const next = this.indentHere();
      if (next < indent) break;
      if (next > indent) leave();
      entry = this.pos + next;
      // A key in the same column belongs to the map holding this list.
      if (!this.isSequenceEntry(entry)) break;
    }
    return { kind: 'seq', items, start: at, end: this.pos };
  }

  /**
   * The value after a key's `:` or a list entry's `-` at `from`, in a collection at column
   * `indent`; leaves `pos` at the start of the line after it.
   */
  private valueAfter(from: number, indent: number, inMap: boolean): YamlNode {
    const at = this.spacesFrom(from);
    const char = this.text[at];
    if (at >= this.text.length || char === '\n' || (char === '#' && at > from)) {
      this.nextLine(at);
      this.skipEmptyLines();
      if (this.pos < this.text.length) {
        const next = this.indentHere();
        const first = this.pos + next;
        if (next > indent) return this.blockCollection(first, next);
        // A list may sit in its key's column.
        if (next === indent && inMap && this.isSequenceEntry(first))
          return this.blockSequence(first, next);
      }
      return emptyScalar(at);
    }
    if (char === '|' || char === '>') return this.blockScalar(at, indent);
    if (char === '"' || char === "'" || char === '[' || char === '{') {
      const node = this.flowNode(at);
      this.endOfLine(node.end);
      return node;
    }
    if (this.isSequenceEntry(at)) leave();
    // `- key: value` opens a map in the entry's column; `key: key: value` is an error.
    if (!inMap) {
      const column = at - this.text.lastIndexOf('\n', at) - 1;
      const map = this.nested(() => this.blockMap(at, column));
      if (map) return map;
    }
    const node = this.plainScalar(at, false);
    this.endOfLine(node.end);
    return node;
  }

  /** A one-line key and its `:`, or undefined when the line holds none. */
  private key(at: number): { node: YamlScalar; after: number } | undefined {
    const char = this.text[at];
    let node: YamlScalar;
    if (char === '"' || char === "'") {
      node = this.quoted(at);
    } else {
      // Within the line only: a scan to the next `:` of the file would make a long list quadratic.
      const end = this.lineEnd(at);
      let colon = at;
      while (colon < end && !(this.text[colon] === ':' && isBlank(this.text[colon + 1]))) {
        if (this.text[colon] === '#' && this.text[colon - 1] === ' ') return undefined;
        colon++;
      }
      if (colon >= end) return undefined;
      const raw = this.text.slice(at, colon);
      if (raw.trimEnd() !== raw || /[[\]{},]/.test(raw)) leave();
      node = this.plainScalar(at, false, colon);
    }
    if (node.end - node.start > LONGEST_KEY) leave();
    if (this.text[node.end] !== ':' || !isBlank(this.text[node.end + 1])) {
      if (node.style === 'PLAIN') leave();
      return undefined;
    }
    return { node, after: node.end + 1 };
  }

  // Scalars

  /** A plain scalar from `at` to `stop` or to where its context ends it. */
  private plainScalar(at: number, inFlow: boolean, stop = this.lineEnd(at)): YamlScalar {
    const first = this.text[at];
    const second = this.text[at + 1];
    const separated = isBlank(second) || (inFlow && ',[]{}'.includes(second));
    if (INDICATORS.includes(first) || ('-?:'.includes(first) && separated)) leave();
    let end = at;
    while (end < stop) {
      const char = this.text[end];
      if (char === '#' && this.text[end - 1] === ' ') break;
      if (
        char === ':' &&
        (isBlank(this.text[end + 1]) || (inFlow && ',[]{}'.includes(this.text[end + 1])))
      )
        break;
      if (inFlow && ',[]{}'.includes(char)) break;
      end++;
    }
    // A `: ` inside a value's text would open a map in a map.
    if (!inFlow && end < stop && this.text[end] === ':') leave();
    while (this.text[end - 1] === ' ') end--;
    if (end === at) leave();
    const source = this.text.slice(at, end);
    return { kind: 'scalar', value: resolvePlain(source), style: 'PLAIN', source, start: at, end };
  }

  private quoted(at: number): YamlScalar {
    const quote = this.text[at];
    let value = '';
    let i = at + 1;
    for (;;) {
      const char = this.text[i];
      if (char === undefined || char === '\n') leave();
      if (char === quote) {
        if (quote === "'" && this.text[i + 1] === "'") {
          value += "'";
          i += 2;
          continue;
        }
        break;
      }
      if (char === '\\' && quote === '"') {
        const escape = readEscape(this.text, i);
        value += escape.text;
        i = escape.next;
        continue;
      }
      value += char;
      i++;
    }
    return {
      kind: 'scalar',
      value,
      style: quote === '"' ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE',
      source: value,
      start: at,
      end: i + 1
    };
  }

  /** `|` or `>` with an optional `-` (strip); the library takes `+` and indentation digits. */
  private blockScalar(at: number, parentIndent: number): YamlScalar {
    const folded = this.text[at] === '>';
    let header = at + 1;
    const strip = this.text[header] === '-';
    if (strip) header++;
    if (!isBlank(this.text[header])) leave();
    this.endOfLine(header);

    const lines: string[] = [];
    let indent = -1;
    let afterLast = this.pos;
    while (this.pos < this.text.length) {
      const spaces = this.indentHere();
      const first = this.pos + spaces;
      const empty = first >= this.text.length || this.text[first] === '\n';
      if (indent === -1 && !empty) {
        indent = spaces;
        if (indent <= parentIndent) break;
      }
      if (empty) {
        // Spaces beyond the indentation would be text, or an error before the first line.
        if (indent === -1 ? spaces > 0 : spaces > indent) leave();
        lines.push('');
      } else if (spaces < indent) {
        break;
      } else {
        const line = this.text.slice(this.pos + indent, this.lineEnd(first));
        if (folded && line.startsWith(' ')) leave();
        lines.push(line);
        if (this.lineEnd(first) === this.text.length) leave();
      }
      this.nextLine(first);
      if (!empty) afterLast = this.pos;
    }
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    if (lines.length === 0 || indent <= parentIndent) leave();
    this.pos = afterLast;

    const body = folded ? fold(lines) : lines.join('\n');
    const value = strip ? body : `${body}\n`;
    return {
      kind: 'scalar',
      value,
      style: folded ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL',
      source: value,
      start: at,
      end: afterLast
    };
  }

  // Flow collections, on one line

  private flowNode(at: number): YamlNode {
    const char = this.text[at];
    if (char === '{') return this.nested(() => this.flowMap(at));
    if (char === '[') return this.nested(() => this.flowSequence(at));
    if (char === '"' || char === "'") return this.quoted(at);
    return this.plainScalar(at, true);
  }

  private flowMap(at: number): YamlMap {
    const pairs: YamlPair[] = [];
    const seen = new Set<unknown>();
    const end = this.flowEntries(at, '}', i => {
      const key =
        this.text[i] === '"' || this.text[i] === "'" ? this.quoted(i) : this.plainScalar(i, true);
      if (this.text[key.end] !== ':' || this.text[key.end + 1] !== ' ') leave();
      if (seen.has(key.value)) leave();
      seen.add(key.value);
      const value = this.flowNode(this.spacesFrom(key.end + 1));
      pairs.push({ key, value });
      return value.end;
    });
    return { kind: 'map', pairs, start: at, end };
  }

  private flowSequence(at: number): YamlSeq {
    const items: YamlNode[] = [];
    const end = this.flowEntries(at, ']', i => {
      const item = this.flowNode(i);
      // `[a: b]` (a pair in a list) is the library's.
      if (this.text[item.end] === ':') leave();
      items.push(item);
      return item.end;
    });
    return { kind: 'seq', items, start: at, end };
  }

  /**
   * The entries between the opening bracket at `at` and `close`, separated by commas (none
   * trailing), each read by `entry` from its first character to the offset it returns; the
   * offset past `close`.
   */
  private flowEntries(at: number, close: string, entry: (from: number) => number): number {
    let i = this.spacesFrom(at + 1);
    if (this.text[i] === close) return i + 1;
    for (;;) {
      i = this.spacesFrom(entry(i));
      if (this.text[i] === close) return i + 1;
      if (this.text[i] !== ',') leave();
      i = this.spacesFrom(i + 1);
      if (this.text[i] === close) leave();
    }
  }
}

/** `key:` with nothing after it: a null at the end of the spaces that follow the indicator. */
function emptyScalar(at: number): YamlScalar {
  return { kind: 'scalar', value: null, style: 'PLAIN', source: '', start: at, end: at };
}

/** Lines joined as a folded block joins them (none of them more indented). */
function fold(lines: string[]): string {
  let text = '';
  let emptyBefore = 0;
  let started = false;
  for (const line of lines) {
    if (line === '') {
      emptyBefore++;
      continue;
    }
    text += started && emptyBefore === 0 ? ' ' : '\n'.repeat(emptyBefore);
    text += line;
    emptyBefore = 0;
    started = true;
  }
  return text;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029'
};
const HEX_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 };

function readEscape(text: string, at: number): { text: string; next: number } {
  const kind = text[at + 1];
  if (kind in SIMPLE_ESCAPES) return { text: SIMPLE_ESCAPES[kind], next: at + 2 };
  const digits = HEX_DIGITS[kind] ?? leave();
  const hex = text.slice(at + 2, at + 2 + digits);
  if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) leave();
  const code = parseInt(hex, 16);
  if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) leave();
  return { text: String.fromCodePoint(code), next: at + 2 + digits };
}

/** The plain scalars the core schema reads as null or a boolean. */
const WORDS = new Map<string, null | boolean>([
  ['', null],
  ['~', null],
  ['null', null],
  ['Null', null],
  ['NULL', null],
  ['true', true],
  ['True', true],
  ['TRUE', true],
  ['false', false],
  ['False', false],
  ['FALSE', false]
]);

/** A plain scalar's value under the YAML 1.2 core schema, as the yaml library resolves it. */
export function resolvePlain(source: string): string | number | boolean | null {
  const word = WORDS.get(source);
  if (word !== undefined) return word;
  // Every number starts with a digit, a sign or a dot: the names, keys and words of a config stop
  // here, and a run without numbers never compiles the patterns below.
  if (!'0123456789+-.'.includes(source[0])) return source;
  if (/^0o[0-7]+$/.test(source)) return parseInt(source.slice(2), 8);
  if (/^[-+]?[0-9]+$/.test(source)) return parseInt(source, 10);
  if (/^0x[0-9a-fA-F]+$/.test(source)) return parseInt(source.slice(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(source)) {
    if (source.endsWith('nan') || source.endsWith('NaN') || source.endsWith('NAN')) return NaN;
    return source.startsWith('-') ? -Infinity : Infinity;
  }
  if (
    /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(source) ||
    /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(source)
  )
    return parseFloat(source);
  return source;
}
