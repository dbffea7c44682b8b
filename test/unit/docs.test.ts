// The documentation holds together: every relative link reaches a file and a heading that exist,
// every reference page is reachable from the README, and the README stays a page for users.
import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const PAGES = [
  'README.md',
  'ARCHITECTURE.md',
  'CONTRIBUTING.md',
  'SECURITY.md',
  'CHANGELOG.md',
  ...readdirSync('docs')
    .filter(file => file.endsWith('.md'))
    .map(file => `docs/${file}`)
];

/** GitHub's anchor of a heading. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\- _]/gu, '')
    .replace(/ /g, '-');
}

function anchorsOf(file: string): Set<string> {
  const text = readFileSync(file, 'utf8').replace(/```[^]*?```/g, '');
  return new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map(match => slug(match[1])));
}

describe('the documentation', () => {
  it.each(PAGES)('%s: every relative link reaches a file and a heading', page => {
    // Code blocks and code spans hold examples, not links.
    const text = readFileSync(page, 'utf8')
      .replace(/```[^]*?```/g, '')
      .replace(/`[^`\n]*`/g, '');
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/.test(target)) continue;
      const [file, anchor] = target.split('#');
      const resolved = file ? path.join(path.dirname(page), file) : page;
      expect({ link: target, exists: existsSync(resolved) }).toEqual({
        link: target,
        exists: true
      });
      if (anchor && resolved.endsWith('.md'))
        expect({ link: target, anchor: anchorsOf(resolved).has(anchor) }).toEqual({
          link: target,
          anchor: true
        });
    }
  });

  it('every page of docs/ is linked from the README', () => {
    const readme = readFileSync('README.md', 'utf8');
    for (const page of PAGES.filter(page => page.startsWith('docs/')))
      expect({ page, linked: readme.includes(`](${page})`) }).toEqual({ page, linked: true });
  });

  it('the README is a page for users: at most 300 lines, the quick start first', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(readme.split('\n').length).toBeLessThanOrEqual(300);
    expect(readme.indexOf('## Quick start')).toBeLessThan(readme.indexOf('## Usage'));
  });
});
