// The markup filters' converter: every dialect over every real release note, at many lengths.
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { convertMarkdown, DIALECT_NAMES } from '../../src/markup/convert.js';

const NOTES_DIR = path.resolve('../shared/data/release-notes');
const NOTES = readdirSync(NOTES_DIR)
  .filter(file => file.endsWith('.md') && file !== 'SOURCES.md')
  .map(file => [file, readFileSync(path.join(NOTES_DIR, file), 'utf8')] as const);
const MORE = 'https://github.com/octo-org/space-game/releases/tag/v1.2.3';

/** Telegram's rule: its tags only, balanced, and `< > &` escaped elsewhere. */
function telegramHtmlIsValid(html: string): boolean {
  const stack: string[] = [];
  for (const [token] of html.matchAll(/<\/?[a-z-]+(?:\s[^>]*)?>|<|&(?:lt|gt|amp|quot);|&/g)) {
    if (token === '<' || token === '&') return false;
    if (!token.startsWith('<')) continue;
    const name = /^<\/?([a-z-]+)/.exec(token)?.[1] ?? '';
    if (!['b', 'i', 's', 'code', 'pre', 'a', 'blockquote'].includes(name)) return false;
    if (token.startsWith('</')) {
      if (stack.pop() !== name) return false;
    } else stack.push(name);
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

  it.each(NOTES)(
    '%s: parsing a part of a long text gives what parsing all of it gives',
    (_file, note) => {
      for (const dialect of DIALECT_NAMES)
        for (const max of [300, 2000, 4096])
          expect(convertMarkdown(note, dialect, { maxLength: max, moreUrl: MORE })).toBe(
            convertMarkdown(note, dialect, { maxLength: max, moreUrl: MORE, parseWhole: true })
          );
    }
  );

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
