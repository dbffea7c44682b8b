// The markup filters' converter: every dialect over every real release note, at many lengths.
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { convertMarkdown, DIALECT_NAMES, MAX_MARKDOWN_INPUT } from '../../src/markup/convert.js';

const NOTES_DIR = path.resolve('test/fixtures/release-notes');
const NOTES = readdirSync(NOTES_DIR)
  .filter(file => file.endsWith('.md') && file !== 'SOURCES.md')
  .map(file => [file, readFileSync(path.join(NOTES_DIR, file), 'utf8')] as const);
const MORE = 'https://github.com/octo-org/space-game/releases/tag/v1.2.3';

/** Telegram's rule: its tags only, balanced, no link in a link nor quote in a quote, `< > &` escaped. */
function telegramHtmlIsValid(html: string): boolean {
  const stack: string[] = [];
  for (const [token] of html.matchAll(/<\/?[a-z-]+(?:\s[^>]*)?>|<|&(?:lt|gt|amp|quot);|&/g)) {
    if (token === '<' || token === '&') return false;
    if (!token.startsWith('<')) continue;
    const name = /^<\/?([a-z-]+)/.exec(token)?.[1] ?? '';
    if (!['b', 'i', 's', 'code', 'pre', 'a', 'blockquote'].includes(name)) return false;
    if (token.startsWith('</')) {
      if (stack.pop() !== name) return false;
    } else if ((name === 'a' || name === 'blockquote') && stack.includes(name)) return false;
    else stack.push(name);
  }
  return stack.length === 0;
}

describe('converting GitHub Markdown for each destination', () => {
  it.each(NOTES)('%s: within every length asked, markup whole, cut marked', (_file, note) => {
    for (const dialect of DIALECT_NAMES)
      for (const max of [120, 500, 2000, 3000, 4096]) {
        const output = convertMarkdown(note, dialect, { maxLength: max, moreUrl: MORE });
        expect(output.length).toBeLessThanOrEqual(max);
        const whole = convertMarkdown(note, dialect);
        if (whole.length > max && output.length > 0) expect(output).toMatch(/…/);
        if (dialect === 'telegram') expect(telegramHtmlIsValid(output)).toBe(true);
        if (dialect === 'discord' || dialect === 'mattermost' || dialect === 'slack')
          expect((output.match(/```/g) ?? []).length % 2).toBe(0);
      }
  });

  it('forges no mention: only web and mail targets are links, and Mattermost channel words notify nobody', () => {
    const note =
      '[details](!channel) [x](!here) [y](!everyone) [z](@U024BE7LH) [t](!subteam^S012) [a<br>b](https://x.example/a) [m](mailto:me@x.example)';
    for (const dialect of ['slack', 'google-chat'] as const) {
      const output = convertMarkdown(note, dialect);
      expect(output).not.toMatch(/<[!@]/);
      expect(output).toContain('<https://x.example/a|a b>');
      expect(output).toContain('<mailto:me@x.example|m>');
    }
    const mattermost = convertMarkdown(
      'Hello @channel, @ALL and @here; mail @octocat',
      'mattermost'
    );
    expect(mattermost).not.toMatch(/@(channel|all|here)\b/i);
    expect(mattermost).toContain('@octocat');
  });

  it('names an image by its alt text, else its title, else its file', () => {
    expect(
      convertMarkdown(
        '![](https://x.example/a/nugget.png "Vivid Alloy Nugget") ![](https://x.example/b/Ore%20Map.png?v=2) ![logo](https://x.example/l.png)',
        'discord'
      )
    ).toBe(
      '[Vivid Alloy Nugget](https://x.example/a/nugget.png) [Ore Map.png](https://x.example/b/Ore%20Map.png?v=2) [logo](https://x.example/l.png)'
    );
  });

  it.each(NOTES)('%s: a cut fills at least 85% of the room, in every dialect', (_file, note) => {
    for (const dialect of DIALECT_NAMES)
      for (const max of [2000, 4096]) {
        if (convertMarkdown(note, dialect).length <= max) continue;
        const output = convertMarkdown(note, dialect, { maxLength: max, moreUrl: MORE });
        expect({ dialect, max, fill: output.length / max >= 0.85 }).toEqual({
          dialect,
          max,
          fill: true
        });
      }
  });

  it.each(NOTES)('%s: Google Chat text carries no HTML entity', (_file, note) => {
    expect(convertMarkdown(note, 'google-chat')).not.toMatch(/&(?:lt|gt|amp|quot|#\d+);/);
  });

  it.each(NOTES)('%s: code cannot turn into emphasis in Teams', (_file, note) => {
    const output = convertMarkdown(note, 'teams');
    for (const [, code] of note.matchAll(/(?<!`)`([^`\n]*[*_][^`\n]*)`(?!`)/g))
      expect({ code, raw: output.includes(code) }).toEqual({ code, raw: false });
  });

  it('keeps every image title of a note (62 of them in the modpack note)', () => {
    const [, note] = NOTES.find(([file]) => file.startsWith('05-'))!;
    const titles = [...note.matchAll(/!\[[^\]]*\]\([^)\s]* "([^"]*)"\)/g)].map(m => m[1]);
    expect(titles.length).toBeGreaterThanOrEqual(62);
    const output = convertMarkdown(note, 'discord');
    for (const title of titles) expect(output).toContain(title);
  });

  it('links GitHub @handles to their profiles, and mentions nobody', () => {
    const [, note] = NOTES.find(([file]) => file.startsWith('01-'))!;
    expect(convertMarkdown(note, 'discord')).toContain(
      '[@RothAndrew](https://github.com/RothAndrew)'
    );
    expect(convertMarkdown(note, 'mattermost')).toContain(
      '[@renovate](https://github.com/renovate)'
    );
    expect(convertMarkdown(note, 'slack')).toContain('<https://github.com/renovate|@renovate>');
    expect(convertMarkdown(note, 'telegram')).toContain(
      '<a href="https://github.com/renovate">@renovate</a>'
    );
    expect(convertMarkdown('by @octocat', 'discord', { serverUrl: 'https://ghe.example/' })).toBe(
      'by [@octocat](https://ghe.example/octocat)'
    );
    expect(convertMarkdown('by @octocat, me@x.example, @scope/pkg and @everyone', 'text')).toBe(
      'by @octocat, me@x.example (mailto:me@x.example), @scope/pkg and @everyone'
    );
  });

  it('keeps code as code in every dialect: no emphasis from `__proto__`, no indent added in lists', () => {
    const note =
      'Use `__proto__` and `application/*+json`:\n\n- item\n\n  ```js\n  a = 1;\n    b = 2;\n  ```';
    expect(convertMarkdown(note, 'teams')).toContain('\\_\\_proto\\_\\_ and application/\\*+json');
    expect(convertMarkdown(note, 'discord')).toContain('`__proto__` and `application/*+json`');
    expect(convertMarkdown(note, 'telegram')).toContain(
      '<pre><code class="language-js">a = 1;\n  b = 2;</code></pre>'
    );
    expect(convertMarkdown(note, 'google-chat')).toContain('`__proto__`');
  });

  it('reads tables row by row, in Markdown and in HTML, without runs of padding', () => {
    const html =
      '<table>\n  <tr>\n    <th>Platform</th>\n    <th>Download</th>\n  </tr>\n  <tr><td>Windows</td>   <td>  app.zip </td></tr>\n</table>\n\n<img width="64" alt="The launcher" src="https://x.example/l.png">';
    expect(convertMarkdown(html, 'slack')).toBe(
      'Platform · Download\nWindows · app.zip\n\nThe launcher'
    );
    expect(convertMarkdown('| a | b | c |\n|---|---|---|\n| 1 |  | 3 |', 'telegram')).toBe(
      'a · b · c\n1 · 3'
    );
  });

  it('writes each dialect its own way', () => {
    const note =
      '## Added\n\n- **Bold** and _em_ and ~~gone~~ and `code` — see [docs](https://x.example/d)\n- [x] done\n\n> quoted <tag> & more';
    expect(convertMarkdown(note, 'discord')).toBe(
      '### Added\n\n- **Bold** and *em* and ~~gone~~ and `code` — see [docs](https://x.example/d)\n- ☑ done\n\n> quoted  & more'
    );
    expect(convertMarkdown(note, 'slack')).toBe(
      '*Added*\n\n• *Bold* and _em_ and ~gone~ and `code` — see <https://x.example/d|docs>\n• ☑ done\n\n> quoted  &amp; more'
    );
    expect(convertMarkdown(note, 'telegram')).toBe(
      '<b>Added</b>\n\n• <b>Bold</b> and <i>em</i> and <s>gone</s> and <code>code</code> — see <a href="https://x.example/d">docs</a>\n• ☑ done\n\n<blockquote>quoted  &amp; more</blockquote>'
    );
    expect(convertMarkdown(note, 'text')).toBe(
      'Added\n\n- Bold and em and gone and code — see docs (https://x.example/d)\n- ☑ done\n\n> quoted  & more'
    );
  });

  it.each([
    [
      '- [ ] todo\n- [x] done\n- [x]\n- [ ]no space\n- [x] https://x.example/1',
      '- ☐ todo\n- ☑ done\n- \\[x\\]\n- \\[ \\]no space\n- ☑ https://x.example/1'
    ],
    [
      'see https://x.example/a_b. and www.x.example, (https://x.example/a_(b))',
      'see https://x.example/a_b. and [www.x.example](http://www.x.example), (https://x.example/a_(b))'
    ],
    [
      'mail me@x.example; @scope/pkg@1.2.3',
      'mail [me@x.example](mailto:me@x.example); @scope/pkg@1.2.3'
    ],
    ['a &copy; &amp; b &#35;', 'a © & b \\#'],
    ['![the *logo*](https://x.example/l.png)', '[the logo](https://x.example/l.png)'],
    ['[j](javascript:alert(1)) [u](<a b>) [d](!channel)', '\\[j\\](javascript:alert(1)) u d'],
    ['press <kbd>Ctrl</kbd> <!channel>', 'press Ctrl \\<!channel\\>'],
    ['| a | b |\n|---|---|\n| 1 | 2 |', 'a · b\n1 · 2'],
    ['~~gone~~ and `code`', '~~gone~~ and `code`'],
    [
      '## [1.0.0] - 2026-11-28\n\n[1.0.0]: https://x.example/v1',
      '### [1.0.0](https://x.example/v1) - 2026-11-28'
    ]
  ])('reads GitHub Markdown as GitHub does: %j', (markdown, discord) => {
    expect(convertMarkdown(markdown, 'discord')).toBe(discord);
  });

  it.each([
    ['a link followed by 100,000 `)`', `see https://x.example/${')'.repeat(100_000)}`],
    ['a link followed by 100,000 `&a;`', `https://x.example/${'&a;'.repeat(100_000)}`],
    ['a link followed by 300,000 punctuation marks', `https://x.example/${'.,:'.repeat(100_000)}`],
    ['100,000 nested quotes', `${'>'.repeat(100_000)} deep`],
    ['100,000 open brackets', `${'['.repeat(100_000)}x`],
    ['100,000 unclosed emphasis marks', '*a '.repeat(100_000)]
  ])('hostile text (%s) converts in time that grows with its length only', (_what, note) => {
    for (const dialect of ['discord', 'telegram'] as const) {
      const output = convertMarkdown(note, dialect, { maxLength: 4096, moreUrl: MORE });
      expect(output.length).toBeLessThanOrEqual(4096);
      expect(convertMarkdown(note, dialect).length).toBeGreaterThan(0);
    }
  });

  it.each([
    ['unclosed comments', '<!--'],
    ['unclosed tags', '<div x="'],
    ['table cells', '</td> '],
    ['bare <', '< '],
    ['open brackets', '!['],
    ['emphasis marks', '*a_'],
    ['backticks', '`a'],
    ['entities', '&#x'],
    ['link openers', '[a](']
  ])('%s take time linear in their length (10x the text, under 20x the time)', (_what, unit) => {
    const time = (length: number) => {
      const text = unit.repeat(length / unit.length);
      let best = Infinity;
      for (let round = 0; round < 3; round++) {
        const started = performance.now();
        for (const dialect of ['slack', 'telegram', 'text'] as const)
          convertMarkdown(text, dialect);
        best = Math.min(best, performance.now() - started);
      }
      return best;
    };
    time(1_000);
    const small = time(10_000);
    const large = time(100_000);
    expect(large / Math.max(small, 1)).toBeLessThan(20);
  });

  it('reads a bounded prefix of a long changelog, with the link definitions written after it', () => {
    const entries = Array.from(
      { length: 2_000 },
      (_, i) => `## [1.${i}.0]\n\n- change ${i} with \`code\`\n\n\`\`\`\nblock ${i}\n\n\`\`\``
    );
    const links = Array.from({ length: 2_000 }, (_, i) => `[1.${i}.0]: https://x.example/v1.${i}`);
    const note = `${entries.join('\n\n')}\n\n${links.join('\n')}\n`;
    expect(note.length).toBeGreaterThan(2 * 4096 + 4096);
    for (const max of [300, 1000, 4096]) {
      const part = convertMarkdown(note, 'discord', { maxLength: max, moreUrl: MORE });
      expect(part).toContain('### [1.0.0](https://x.example/v1.0)');
      expect(part.length).toBeLessThanOrEqual(max);
    }
    // With no length, the first MiB is read.
    const huge = 'word '.repeat(MAX_MARKDOWN_INPUT / 2);
    expect(convertMarkdown(huge, 'text').length).toBeLessThanOrEqual(MAX_MARKDOWN_INPUT);
  });

  it('keeps the first definition of a label, and none from a code block, past the prefix', () => {
    const filler = Array.from({ length: 300 }, (_, i) => `Paragraph ${i} fills the space.`);
    const note = `[docs]: https://first.example\n\nSee [the docs][docs], [a] and [b].\n\n${filler.join('\n\n')}\n\n[Docs]: https://second.example\n\n\`\`\`md\n[a]: https://in-code.example\n\`\`\`\n\n[b]: https://b.example\n`;
    const part = convertMarkdown(note, 'discord', { maxLength: 500 });
    expect(part).toContain('[the docs](https://first.example)');
    expect(part).not.toContain('in-code.example');
    expect(part).toContain('[b](https://b.example)');
  });

  it('writes a pasted address bare where the destination links it, and as a link elsewhere', () => {
    const note =
      'in https://x.example/pull/1_2 and <https://x.example/a> and [docs](https://x.example/d)';
    const written = Object.fromEntries(
      DIALECT_NAMES.map(dialect => [dialect, convertMarkdown(note, dialect)])
    );
    expect(written).toEqual({
      discord:
        'in https://x.example/pull/1_2 and https://x.example/a and [docs](https://x.example/d)',
      mattermost:
        'in https://x.example/pull/1_2 and https://x.example/a and [docs](https://x.example/d)',
      rocketchat:
        'in https://x.example/pull/1_2 and https://x.example/a and [docs](https://x.example/d)',
      zulip:
        'in https://x.example/pull/1_2 and https://x.example/a and [docs](https://x.example/d)',
      discourse:
        'in https://x.example/pull/1_2 and https://x.example/a and [docs](https://x.example/d)',
      github:
        'in https://x.example/pull/1_2 and https://x.example/a and [docs](https://x.example/d)',
      html: 'in <a href="https://x.example/pull/1_2">https://x.example/pull/1_2</a> and <a href="https://x.example/a">https://x.example/a</a> and <a href="https://x.example/d">docs</a>',
      slack:
        'in <https://x.example/pull/1_2> and <https://x.example/a> and <https://x.example/d|docs>',
      'google-chat':
        'in <https://x.example/pull/1_2|https://x.example/pull/1_2> and <https://x.example/a|https://x.example/a> and <https://x.example/d|docs>',
      telegram:
        'in <a href="https://x.example/pull/1_2">https://x.example/pull/1_2</a> and <a href="https://x.example/a">https://x.example/a</a> and <a href="https://x.example/d">docs</a>',
      teams:
        'in [https://x.example/pull/1\\_2](https://x.example/pull/1_2) and [https://x.example/a](https://x.example/a) and [docs](https://x.example/d)',
      text: 'in https://x.example/pull/1_2 and https://x.example/a and docs (https://x.example/d)'
    });
  });

  it("writes a link's text as text: a badge is its description, code its text", () => {
    const note = '[![CI](https://x.example/badge.svg)](https://x.example/actions) passes';
    expect(convertMarkdown(note, 'discord')).toBe('[CI](https://x.example/actions) passes');
    expect(convertMarkdown(note, 'slack')).toBe('<https://x.example/actions|CI> passes');
    expect(convertMarkdown(note, 'telegram')).toBe(
      '<a href="https://x.example/actions">CI</a> passes'
    );
    expect(
      convertMarkdown(
        'see [`npm i x`](https://x.example/x) or **[docs](https://x.example/d)**',
        'telegram'
      )
    ).toBe(
      'see <a href="https://x.example/x">npm i x</a> or <b><a href="https://x.example/d">docs</a></b>'
    );
  });

  it('writes a quote inside a quote as one quote for Telegram, which refuses nested quotes', () => {
    expect(convertMarkdown('> said\n> > quoted', 'telegram')).toBe(
      '<blockquote>said\nquoted</blockquote>'
    );
  });

  it('keeps the link form when what follows a bare address would run into it', () => {
    expect(convertMarkdown('<https://x.example/a>_b and <https://x.example/c>.', 'discord')).toBe(
      '[https://x.example/a](https://x.example/a)\\_b and https://x.example/c.'
    );
  });

  it('cuts between blocks and links the full notes', () => {
    const note = Array.from({ length: 50 }, (_, i) => `- change number ${i}`).join('\n');
    const output = convertMarkdown(note, 'slack', { maxLength: 200, moreUrl: MORE });
    expect(output).toMatch(/^• change number 0\n/);
    expect(output).toMatch(
      /\n• change number \d+\n… <https:\/\/github\.com\/octo-org\/space-game\/releases\/tag\/v1\.2\.3\|full notes>$/
    );
  });

  it('a single block longer than the limit becomes its plain text, cut at a word', () => {
    const output = convertMarkdown(`**${'word '.repeat(100)}**`, 'telegram', { maxLength: 100 });
    expect(output.length).toBeLessThanOrEqual(100);
    expect(output).not.toContain('<b>');
    expect(output).toMatch(/word\n…$/);
  });
});

describe('corners markdown-it reads as github.com does', () => {
  it('a lowercase doctype line is HTML, dropped', () => {
    expect(convertMarkdown('<!doctype html>\n\ntext', 'discord')).toBe('text');
  });

  it('a link destination ending in a backslash and a space is a link', () => {
    expect(convertMarkdown('[a](b\\ )', 'text')).not.toBe('[a](b\\ )');
  });

  it('decodes character references', () => {
    expect(convertMarkdown('&copy; 2026 &amp; more &#35;1', 'text')).toBe('© 2026 & more #1');
  });
});
