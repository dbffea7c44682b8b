// The cut's shortcut held to a whole parse: a long changelog is parsed only in part when the
// part's blocks before its last already overflow the limit (src/markup/convert.ts). Generated
// documents mix the constructs whose meaning can depend on what follows a line: setext
// underlines, lazy continuation, loose lists, open fences and HTML blocks, tables, link
// definitions anywhere, inline markup across lines.
import { describe, expect, it } from '@jest/globals';
import { convertMarkdown, DIALECT_NAMES } from '../../src/markup/convert.js';
import { pickWith, seededRandom } from '../support/seeded-random.js';

const ROUNDS = Number(process.env.MARKUP_FUZZ_ROUNDS ?? 60);
const SEED = Number(process.env.MARKUP_FUZZ_SEED ?? 20261128);
const MORE = 'https://x.example/releases/v1';

function documents(count: number, seed: number): string[] {
  const random = seededRandom(seed);
  const pick = pickWith(random);
  const below = (n: number) => Math.floor(random() * n);
  const label = () => pick(['ref1', 'Ref1', 'ref 2', 'REF2', 'docs', 'a\\]b', 'v1.0.0']);

  const inlinePieces = [
    () => 'plain words here',
    () => '**bold text**',
    () => '_emphasis_',
    () => '*',
    () => '_',
    () => '`code span`',
    () => '`',
    () => '~~gone~~',
    () => `[a link](https://x.example/${below(99)})`,
    () => `[text][${label()}]`,
    () => `[${label()}]`,
    () => `![image](https://i.example/${below(9)}.png)`,
    () => '<https://auto.example/path>',
    () => `https://bare.example/p${below(9)}`,
    () => 'www.example.com',
    () => '<b>bold html</b>',
    () => '<span class="x">',
    () => '</span>',
    () => '<!-- note -->',
    () => '&amp; &copy; &#35;',
    () => '@everyone',
    () => '\\* not emphasis',
    () => '🚀 émoji',
    () => 'a | pipe',
    () => '[',
    () => ']'
  ];
  const inline = () =>
    Array.from({ length: 1 + below(5) }, () => pick(inlinePieces)()).join(pick([' ', ' ', '\n']));

  const blocks = [
    () => `${'#'.repeat(1 + below(6))} ${inline().replace(/\n/g, ' ')}`,
    () => `${inline()}\n${pick(['===', '---', '-', '= ='])}`,
    () => inline(),
    () => `${inline()}\n${inline()}`,
    () => {
      const marker = pick(['-', '*', '+', '1.', '2)']);
      const items = Array.from({ length: 1 + below(5) }, (_, i) => {
        const own = /\d/.test(marker) ? `${i + 1}${marker.slice(-1)}` : marker;
        const task = pick(['', '', '[ ] ', '[x] ']);
        const nested = random() < 0.3 ? `\n   ${pick(['-', '1.'])} ${inline()}` : '';
        const lazy = random() < 0.2 ? `\n${inline()}` : '';
        const more = random() < 0.2 ? `\n\n   ${inline()}` : '';
        return `${own} ${task}${inline()}${nested}${lazy}${more}`;
      });
      return items.join(pick(['\n', '\n', '\n\n']));
    },
    () => `> ${inline()}\n${pick(['> ', ''])}${inline()}`,
    () =>
      `${pick(['```', '~~~', '````'])}${pick(['', 'js', 'diff'])}\n${inline()}\n\n${inline()}${pick(['\n```', '\n~~~', '\n````', ''])}`,
    () => `    indented code\n    ${inline().replace(/\n/g, ' ')}`,
    () => {
      const rows = Array.from(
        { length: 1 + below(6) },
        () => `| ${inline().replace(/\n/g, ' ')} | cell |`
      );
      return `| Head | Other |\n| ---: | :--- |\n${rows.join('\n')}`;
    },
    () =>
      `<details>\n<summary>${inline().replace(/\n/g, ' ')}</summary>\n\n${inline()}\n\n</details>`,
    () => `<!--\n${inline()}\n\n${inline()}\n${pick(['-->', ''])}`,
    () => `<div>\n${inline()}\n</div>`,
    () => `<img src="https://i.example/x.png" width="${below(500)}">`,
    () => pick(['---', '***', '___']),
    () => `[${label()}]: https://def.example/${below(99)}${pick(['', ' "title"'])}`
  ];

  return Array.from({ length: count }, () => {
    const target = 1500 + below(9000);
    let text = '';
    while (text.length < target)
      text += pick(blocks)() + pick(['\n\n', '\n\n', '\n\n', '\n', '\n\n\n']);
    return text;
  });
}

describe('a part of a long changelog, parsed alone', () => {
  it(`gives what the whole parse gives (${ROUNDS} generated documents × every dialect)`, () => {
    const random = seededRandom(SEED + 1);
    const limits = [150, 300, 700, 1500, 2000, 4096];
    const differing: string[] = [];
    for (const [i, text] of documents(ROUNDS, SEED).entries())
      for (const dialect of DIALECT_NAMES) {
        const maxLength = limits[Math.floor(random() * limits.length)];
        const part = convertMarkdown(text, dialect, { maxLength, moreUrl: MORE });
        const whole = convertMarkdown(text, dialect, {
          maxLength,
          moreUrl: MORE,
          parseWhole: true
        });
        if (part !== whole)
          differing.push(`document ${i} (seed ${SEED}), ${dialect}, ${maxLength}`);
      }
    expect(differing).toEqual([]);
  });
});
