// A payload written as a JSON string is read by our strict JSON reader (for the line and column of
// its first error): it must give the tree the yaml library gives for the same text.
import { describe, expect, it } from '@jest/globals';
import { parseJsonText } from '../../src/config/json-text.js';
import { parseYaml } from '../../src/config/yaml-library.js';
import type { YamlNode } from '../../src/config/yaml-tree.js';
import { pickWith, seededRandom } from '../support/seeded-random.js';

/** What the config reader reads of a node, as plain data to compare. */
function shape(node: YamlNode | null | undefined): unknown {
  if (!node) return node ?? null;
  switch (node.kind) {
    case 'scalar':
      return {
        value: node.value,
        negativeZero: Object.is(node.value, -0),
        style: node.style,
        source: node.source,
        start: node.start,
        end: node.end
      };
    case 'map':
      return { map: node.pairs.map(p => [shape(p.key), shape(p.value)]), start: node.start };
    case 'seq':
      return { seq: node.items.map(shape), start: node.start };
    case 'alias':
      return { alias: shape(node.target) };
  }
}

describe('JSON text in a config', () => {
  it('is read into the tree the yaml library gives', () => {
    const random = seededRandom(7);
    const pick = pickWith(random);
    const space = () => pick(['', ' ', '\n  ', '  ', '\n']);
    const value = (depth: number): string => {
      const kind = depth > 3 ? Math.floor(random() * 3) : Math.floor(random() * 5);
      if (kind === 0)
        return JSON.stringify(
          pick(['', 'text', 'quote " and \\', 'é😀', '{{ version.label }}', 'a\nb', '\u0001'])
        );
      if (kind === 1)
        return pick(['0', '-0', '12', '-3.5', '1e5', '2E-3', '1234567890123456789', '0.10']);
      if (kind === 2) return pick(['true', 'false', 'null']);
      const count = Math.floor(random() * 4);
      if (kind === 3)
        return `[${space()}${Array.from({ length: count }, () => value(depth + 1)).join(`${space()},${space()}`)}${space()}]`;
      const keys = Array.from({ length: count }, (_, i) => JSON.stringify(`k${i}`));
      return `{${space()}${keys.map(k => `${k}${space()}:${space()}${value(depth + 1)}`).join(`${space()},${space()}`)}${space()}}`;
    };
    for (let round = 0; round < 500; round++) {
      const text = `${space()}${value(0)}${space()}`;
      expect(JSON.parse(text)).toBeDefined();
      const library = parseYaml(text);
      expect(library.problems).toEqual([]);
      const parsed = parseJsonText(text);
      expect(parsed.ok).toBe(true);
      expect({ text, tree: shape(parsed.ok ? parsed.tree : null) }).toEqual({
        text,
        tree: shape(library.contents)
      });
    }
  });

  it('names the line and column of its first error', () => {
    expect(parseJsonText('{\n  "a": 1,\n}')).toEqual({
      ok: false,
      message: 'expected a "quoted" property name at line 3, column 1',
      line: 3,
      col: 1
    });
  });
});
