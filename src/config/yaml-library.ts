// The yaml library's reading of a file, as the small tree the config reader walks (a JSON payload
// written as a string becomes the same tree: json-text.ts).
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node
} from 'yaml';
import type { ScalarStyle, YamlDocument, YamlNode } from './yaml-tree.js';

export function parseYaml(text: string): YamlDocument {
  const doc = parseDocument(text, {
    lineCounter: new LineCounter(),
    uniqueKeys: true,
    prettyErrors: true
  });
  if (doc.errors.length > 0) {
    return {
      contents: null,
      problems: doc.errors.map(error => {
        const [start] = error.linePos ?? [{ line: 1, col: 1 }];
        return { message: error.message, line: start.line, col: start.col };
      })
    };
  }
  return { contents: treeOf(doc, doc.contents as Node | null), problems: [] };
}

/** Converts each node once, so that aliases share their target (and a cycle ends). */
function treeOf(doc: Document, root: Node | null): YamlNode | null {
  const converted = new Map<Node, YamlNode>();
  const convert = (node: Node | null | undefined): YamlNode | null => {
    if (!node) return null;
    const known = converted.get(node);
    if (known) return known;
    const [start, end] = node.range ?? [0, 0];
    if (isScalar(node)) {
      const value = node.value as string | number | boolean | null;
      const tree: YamlNode = {
        kind: 'scalar',
        value,
        style: (node.type ?? 'PLAIN') as ScalarStyle,
        source: typeof node.source === 'string' ? node.source : String(value),
        start,
        end
      };
      converted.set(node, tree);
      return tree;
    }
    if (isMap(node)) {
      const tree: YamlNode = { kind: 'map', pairs: [], start, end };
      converted.set(node, tree);
      for (const pair of node.items)
        tree.pairs.push({ key: convert(pair.key as Node), value: convert(pair.value as Node) });
      return tree;
    }
    if (isSeq(node)) {
      const tree: YamlNode = { kind: 'seq', items: [], start, end };
      converted.set(node, tree);
      for (const item of node.items) tree.items.push(convert(item as Node));
      return tree;
    }
    if (isAlias(node)) {
      const tree: YamlNode = { kind: 'alias', target: undefined, start, end };
      converted.set(node, tree);
      tree.target = convert(node.resolve(doc) as Node | undefined) ?? undefined;
      return tree;
    }
    return null;
  };
  return convert(root);
}
