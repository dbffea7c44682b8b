// The common-YAML reader against the yaml library: over the repository's configs, hand-written
// cases of every construct it takes or leaves, and thousands of mutations of them, it either
// gives exactly the library's tree or leaves the text to the library.
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { parseCommonYaml, resolvePlain } from '../../src/config/common-yaml.js';
import { parseJsonText } from '../../src/config/json-text.js';
import { parseWithLibrary } from '../../src/config/yaml-library.js';
import type { YamlNode } from '../../src/config/yaml-tree.js';
import { scenarios } from '../../bench/scenarios.js';
import { pickWith, seededRandom } from '../support/seeded-random.js';

/** What the config reader reads of a node, as plain data to compare. */
function shape(node: YamlNode | null | undefined): unknown {
  if (!node) return node ?? null;
  switch (node.kind) {
    case 'scalar': {
      const block = node.style === 'BLOCK_LITERAL' || node.style === 'BLOCK_FOLDED';
      return {
        value: Number.isNaN(node.value) ? 'NaN' : node.value,
        negativeZero: Object.is(node.value, -0),
        style: node.style,
        source: node.source,
        start: node.start,
        // A block scalar's end only needs to lie past its header line.
        end: block ? 'block' : node.end
      };
    }
    case 'map':
      return { map: node.pairs.map(p => [shape(p.key), shape(p.value)]), start: node.start };
    case 'seq':
      return { seq: node.items.map(shape), start: node.start };
    case 'alias':
      return { alias: shape(node.target) };
  }
}

/** Holds one text to the rule; says whether the common reader took it. */
function agrees(text: string): boolean {
  const common = parseCommonYaml(text);
  if (common === undefined) return false;
  const library = parseWithLibrary(text);
  if (library.problems.length > 0)
    throw new Error(`accepted what the library refuses (${library.problems[0].message}):\n${text}`);
  const expected = shape(library.contents);
  const actual = shape(common);
  if (JSON.stringify(actual) !== JSON.stringify(expected))
    expect({ text, tree: actual }).toEqual({ text, tree: expected });
  if (common?.kind === 'scalar' || common?.kind === 'map' || common?.kind === 'seq') {
    const blockEnd = (node: YamlNode | null): void => {
      if (node?.kind === 'scalar' && node.style.startsWith('BLOCK'))
        expect(text.slice(node.start, node.end)).toContain('\n');
      if (node?.kind === 'map') node.pairs.forEach(p => blockEnd(p.value));
      if (node?.kind === 'seq') node.items.forEach(blockEnd);
    };
    blockEnd(common);
  }
  return true;
}

const yamlBlocks = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/```ya?ml\n([\s\S]*?)```/g)].map(m => m[1]);

const REPOSITORY_CONFIGS: string[] = [
  readFileSync('webhooks.example.yml', 'utf8'),
  ...Object.values(scenarios('http://127.0.0.1:8080')).map(s => s.config),
  ...yamlBlocks('README.md'),
  ...readdirSync('docs')
    .filter(f => f.endsWith('.md'))
    .flatMap(f => yamlBlocks(`docs/${f}`))
];

/** Each construct the reader takes, in the forms that reach its edges. */
const TAKEN = [
  '',
  '# only a comment\n',
  '---\nwebhooks: []\n',
  '--- # a comment\na: 1\n',
  'a: 1\nb: two\nc: "three"\nd: \'four\'\n',
  'a:\nb:   # nothing\nc:\n',
  'webhooks:\n- url: x\n- url: y\n  name: z\nnext: 1\n',
  'webhooks:\n  -   url: x\n      method: PUT\n  -\n    url: y\n  - plain text\n  -\n  - # comment\n',
  'a:\n  b:\n    c: [1, 2.5, -3, +4, 0o17, 0x1F, .5, 1e3, 1.e-2, .inf, -.Inf, .NaN, ~, null, Null, NULL, true, False, TRUE, -0]\n',
  'a: { "k": "v", k2: v 2, k3: [], k4: {}, k5: [ a , b ] }\n',
  'a: "esc \\" \\\\ \\/ \\n \\t \\x41 \\u00e9 \\U0001F600 \\0 \\a \\b \\e \\f \\v \\r \\N \\_ \\L \\P \\ "\n',
  "a: 'it''s ''quoted'''\n",
  'a: http://x.example/a#b?c=d:e\nb: a#b # comment\nc: x:y\n',
  'a: |\n  line 1\n   indented\n\n  line 3\n\n\nb: 1\n',
  'a: |-\n    {\n      "json": true\n    }\nb: >\n  folded\n  text\n\n  para\n\n\n  three\nc: >-\n  x\n',
  '- |\n  in a list\n- >\n  folded\n- key: |\n    in a map in a list\n',
  'a: |\n\n  after an empty line\n',
  'a: |\n  text\n# a comment after\nb: 1\n',
  '"quoted key": 1\n\'single\': 2\nkey with spaces: 3\n-dash: 4\n?q: 5\n:c: 6\n',
  '1: number key\ntrue: bool key\nnull: null key\n"1": string key\n',
  'a: -1\nb: --x\nc: ?x\nd: :x\n',
  'b: a]b\nc: a}b\n',
  '  indented: root\n  second: 2\n',
  'a: "é ü 中文 עברית 😀"\n',
  'a:\n  - x\n  - y\nb: 2\n',
  'a: 1 # comment\nb: [1, 2] # comment\nc: { d: e } # comment\nd: "e" # comment\n',
  'a: b\n\n\n# trailing comments\n\n',
  'a: 1',
  'a: "x"',
  'a:   spaced   \n'
];

/** Constructs left to the library, which must still read them (or report them). */
const LEFT = [
  'a: &x 1\nb: *x\n',
  'a: !!str 1\n',
  'a: 1\n---\nb: 2\n',
  '%YAML 1.2\n---\na: 1\n',
  'a: multi\n  line\n',
  'a: "multi\n  line"\n',
  'a: [1,\n  2]\n',
  'a:\tb\n',
  'a: 1\rb: 2\n',
  'a: "x"\r\n\rb: 1\r\n',
  '\ufeffa: 1\n',
  'a: 1\na: 2\n',
  '? complex\n: key\n',
  'a: |+\n  keep\n\n',
  'a: |2\n   x\n',
  'a: b: c\n',
  '- - nested\n',
  'just a scalar\n',
  'a: "unterminated\n',
  'a: |\n  no final newline',
  'a: >\n  x\n    more indented\n',
  'a : spaced key\n',
  '{a: 1}\n',
  'a: { b: 1, }\n',
  'a: [x]y\n',
  'c: {x\n',
  'a: @x\n',
  'a: `x\n',
  'a: \\q\n'.replace('\\q', '"\\q"'),
  `${'k'.repeat(1001)}: 1\n`
];

describe('the common YAML reader', () => {
  it('reads every config of the repository itself, as the library does', () => {
    const taken = REPOSITORY_CONFIGS.filter(agrees);
    // The example and the bench's configs are what a plain run reads: they must not need the library.
    expect(agrees(REPOSITORY_CONFIGS[0])).toBe(true);
    for (const scenario of Object.values(scenarios('http://127.0.0.1:8080')))
      expect(agrees(scenario.config)).toBe(true);
    expect(taken.length).toBeGreaterThan(REPOSITORY_CONFIGS.length * 0.8);
  });

  it.each(TAKEN.map(text => [text]))('takes %j as the library reads it', text => {
    expect(agrees(text)).toBe(true);
  });

  it('reads Windows line endings (CRLF) as the library does, placing every node in the file', () => {
    const crlf = (text: string) => text.replace(/\n/g, '\r\n');
    for (const text of [...REPOSITORY_CONFIGS, ...TAKEN]) expect(agrees(crlf(text))).toBe(true);
    expect(agrees('a: 1\r\nb:\n  - x\r\n  - |\r\n    block\r\n\r\n    text\n')).toBe(true);
  });

  it.each(LEFT.map(text => [text]))('leaves %j to the library', text => {
    expect(parseCommonYaml(text)).toBeUndefined();
  });

  it('gives the library tree or none, over thousands of mutations of real configs', () => {
    const random = seededRandom(Number(process.env.YAML_FUZZ_SEED ?? 20261128));
    const pick = pickWith(random);
    const palette = [
      ' ',
      '  ',
      '\n',
      '\n  ',
      '\n- ',
      ':',
      ': ',
      '-',
      '- ',
      '#',
      ' #',
      '"',
      "'",
      '{',
      '}',
      '[',
      ']',
      ',',
      '|',
      '>',
      '|-',
      '&',
      '*',
      '!',
      '?',
      'x',
      '1',
      '0',
      'e',
      '.',
      '\\',
      '\t',
      '~',
      '%',
      '---\n',
      'é',
      '😀',
      'true',
      '\\u00e9',
      "''",
      '<<',
      '<',
      '=',
      '@',
      '\u00a0',
      ':x',
      '? ',
      '!!str ',
      '&a ',
      '*a',
      '\r\n',
      '\r'
    ];
    const mutate = (text: string): string => {
      const at = Math.floor(random() * (text.length + 1));
      const lines = text.split('\n');
      const line = Math.floor(random() * lines.length);
      switch (Math.floor(random() * 7)) {
        case 6:
          return text.slice(0, at) + pick(palette) + text.slice(at + 1);
        case 0:
          return text.slice(0, at) + text.slice(at + 1);
        case 1:
          return text.slice(0, at) + pick(palette) + text.slice(at);
        case 2:
          lines.splice(line, 0, lines[line]);
          return lines.join('\n');
        case 3:
          lines[line] = lines[line].replace(/^ {0,2}/, pick(['', ' ', '  ', '   ', '    ']));
          return lines.join('\n');
        case 4:
          lines.splice(line, 1);
          return lines.join('\n');
        default:
          return text.slice(0, at);
      }
    };
    const seeds = [...REPOSITORY_CONFIGS, ...TAKEN].flatMap(text => [
      text,
      text.replace(/\n/g, '\r\n')
    ]);
    let tried = 0;
    let taken = 0;
    for (let round = 0; round < Number(process.env.YAML_FUZZ_ROUNDS ?? 4000); round++) {
      let text = pick(seeds);
      const changes = 1 + Math.floor(random() * 3);
      for (let c = 0; c < changes; c++) text = mutate(text);
      tried++;
      if (agrees(text)) taken++;
    }
    // Most mutants stay readable: the comparison, not the refusal, is what is exercised.
    if (process.env.YAML_FUZZ_ROUNDS) console.log(taken, tried);
    expect(taken).toBeGreaterThan(tried * 0.3);
  });

  it('resolves plain scalars by the core schema', () => {
    expect(resolvePlain('0x10')).toBe(16);
    expect(resolvePlain('0o10')).toBe(8);
    expect(resolvePlain('1234567890123456789')).toBe(Number('1234567890123456789'));
    expect(resolvePlain('yes')).toBe('yes');
    expect(resolvePlain('')).toBeNull();
  });

  it('reads JSON text (a payload written as a string) into the tree the library gives', () => {
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
      const library = parseWithLibrary(text);
      expect(library.problems).toEqual([]);
      const parsed = parseJsonText(text);
      expect(parsed.ok).toBe(true);
      expect({ text, tree: shape(parsed.ok ? parsed.tree : null) }).toEqual({
        text,
        tree: shape(library.contents)
      });
    }
  });

  it('reads long and deep hostile texts in one pass, leaving deep nesting to the library', () => {
    // 50,000 lines with no `:` once made every line's key search run to the end of the file.
    const items = (n: number) => 'webhooks:\n' + '  - plain item without a colon\n'.repeat(n);
    const keys = (n: number) => Array.from({ length: n }, (_, i) => `key${i}: ${i}`).join('\n');
    expect(agrees(items(2_000))).toBe(true);
    expect(agrees(keys(2_000))).toBe(true);
    const list = parseCommonYaml(items(50_000));
    expect(
      list?.kind === 'map' &&
        list.pairs[0].value?.kind === 'seq' &&
        list.pairs[0].value.items.length
    ).toBe(50_000);
    const map = parseCommonYaml(keys(50_000));
    expect(map?.kind === 'map' && map.pairs.length).toBe(50_000);
    expect(agrees(`a: ${'x'.repeat(1_000_000)}\n`)).toBe(true);
    const deepBlock = Array.from({ length: 5_000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n');
    expect(parseCommonYaml(deepBlock)).toBeUndefined();
    expect(parseCommonYaml(`a: ${'['.repeat(5_000)}${']'.repeat(5_000)}\n`)).toBeUndefined();
    expect(parseCommonYaml('- '.repeat(5_000) + 'x\n')).toBeUndefined();
  });

  it('gives the library tree for thousands of generated documents of every construct it takes', () => {
    const random = seededRandom(4242);
    const pick = pickWith(random);
    const scalars = [
      'plain text',
      'x',
      '"quoted \\" é"',
      "'it''s'",
      '1',
      '-2.5',
      'true',
      '~',
      'null',
      '0x1F',
      'a:b',
      'http://x.example/a#b',
      '"{{ version.label }}"',
      "''",
      '""',
      '.inf',
      'yes',
      '😀'
    ];
    const key = () =>
      pick(['a', 'b c', '"q k"', "'s'", '1', 'true', 'k_' + Math.floor(random() * 5)]);
    const flow = (depth: number): string =>
      depth > 2 || random() < 0.5
        ? pick(scalars.filter(s => !/[:#]/.test(s)))
        : random() < 0.5
          ? `[${Array.from({ length: Math.floor(random() * 3) }, () => flow(depth + 1)).join(', ')}]`
          : `{ ${[
              ...new Set(
                Array.from({ length: Math.floor(random() * 3) }, () => pick(['a', 'b', '"c"']))
              )
            ]
              .map(k => `${k}: ${flow(depth + 1)}`)
              .join(', ')} }`;
    const block = (indent: number, depth: number): string[] => {
      const pad = ' '.repeat(indent);
      const value = (inner: number): string[] | string => {
        const r = random();
        if (depth < 4 && r < 0.3) return block(inner, depth + 1);
        if (r < 0.4)
          return [
            `${pick(['|', '|-', '>', '>-'])}`,
            ...['line one', '', 'line  two'].map(l => (l ? ' '.repeat(inner) + l : ''))
          ];
        if (r < 0.55) return flow(0);
        return pick(scalars);
      };
      const lines: string[] = [];
      if (random() < 0.5) {
        const keys = [...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, key))];
        for (const k of keys) {
          const v = value(indent + pick([1, 2, 4]));
          if (typeof v === 'string') lines.push(`${pad}${k}: ${v}`);
          else if (v[0].startsWith('|') || v[0].startsWith('>'))
            lines.push(`${pad}${k}: ${v[0]}`, ...v.slice(1));
          else lines.push(`${pad}${k}:`, ...v);
        }
      } else {
        for (let i = 0; i < 1 + Math.floor(random() * 3); i++) {
          const v = value(indent + 2);
          if (typeof v === 'string') lines.push(`${pad}- ${v}`);
          else if (v[0].startsWith('|') || v[0].startsWith('>'))
            lines.push(`${pad}- ${v[0]}`, ...v.slice(1));
          else lines.push(`${pad}-`, ...v);
        }
      }
      return lines;
    };
    let taken = 0;
    for (let round = 0; round < 3000; round++) {
      const text = `${block(0, 0).join('\n')}\n`;
      if (agrees(random() < 0.2 ? text.replace(/\n/g, '\r\n') : text)) taken++;
    }
    expect(taken).toBeGreaterThan(2000);
  });
});
