// The syntax tree the config reader walks: what it needs of a YAML document (values, scalar
// styles, positions), built either by the common-YAML reader or from the yaml library's document.

/** How a scalar was written; the names are the yaml library's. */
export type ScalarStyle =
  'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED';

export interface YamlScalar {
  kind: 'scalar';
  value: string | number | boolean | null;
  style: ScalarStyle;
  /** The text the value was resolved from (a number as written). */
  source: string;
  /** Offset of the scalar's first character (its quote or block indicator). */
  start: number;
  /** Offset just past its value (past the closing quote; a block scalar's last line). */
  end: number;
}

export interface YamlPair {
  key: YamlNode | null;
  value: YamlNode | null;
}

export interface YamlMap {
  kind: 'map';
  pairs: YamlPair[];
  start: number;
  end: number;
}

export interface YamlSeq {
  kind: 'seq';
  items: Array<YamlNode | null>;
  start: number;
  end: number;
}

/** `*name`: the reader resolves it, counting what it expands to (SPEC §13). */
export interface YamlAlias {
  kind: 'alias';
  target: YamlNode | undefined;
  start: number;
  end: number;
}

export type YamlNode = YamlScalar | YamlMap | YamlSeq | YamlAlias;

export interface YamlProblem {
  message: string;
  line: number;
  col: number;
}

/** A parsed file: its root node (null when empty) or the problems that stopped the parse. */
export interface YamlDocument {
  contents: YamlNode | null;
  problems: YamlProblem[];
}

export const isScalar = (node: YamlNode | null | undefined): node is YamlScalar =>
  node?.kind === 'scalar';
export const isMap = (node: YamlNode | null | undefined): node is YamlMap => node?.kind === 'map';
export const isSeq = (node: YamlNode | null | undefined): node is YamlSeq => node?.kind === 'seq';
export const isAlias = (node: YamlNode | null | undefined): node is YamlAlias =>
  node?.kind === 'alias';

/** The pair whose key is the scalar `key`, as the yaml library's `YAMLMap.get` finds it. */
export function pairOf(map: YamlMap, key: string): YamlPair | undefined {
  return map.pairs.find(pair => isScalar(pair.key) && pair.key.value === key);
}

/** Line and column (from 1) of each offset, with the line starts found once. */
export class LinePositions {
  private readonly starts = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1))
      this.starts.push(i + 1);
  }

  at(offset: number): { line: number; col: number } {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, col: offset - this.starts[low] + 1 };
  }
}
