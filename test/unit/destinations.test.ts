import { describe, expect, it } from '@jest/globals';
import { DESTINATION_NAMES } from '../../src/config/types.js';
import { DESTINATIONS, markupFilters, withServices } from '../../src/destinations/index.js';
import { mergeOver, usesMarkupFilter } from '../../src/render/destination.js';
import { DIALECT_NAMES, filterName } from '../../src/markup/dialect-names.js';
import { xLength } from '../../src/destinations/x.js';
import { linkFacets } from '../../src/destinations/bluesky.js';

describe('the destinations', () => {
  it('the registry holds every name the config accepts, http aside, once the services are asked for', async () => {
    expect(Object.keys(DESTINATIONS)).not.toContain('bluesky');
    await withServices(['discord']);
    expect(Object.keys(DESTINATIONS)).not.toContain('bluesky');
    await withServices(['bluesky']);
    expect(Object.keys(DESTINATIONS).sort()).toEqual(
      DESTINATION_NAMES.filter(name => name !== 'http').sort()
    );
  });

  it('each has a table of limits for the README', async () => {
    await withServices(['bluesky']);
    for (const destination of Object.values(DESTINATIONS))
      expect(destination.limits.length).toBeGreaterThan(0);
  });

  it('a payload merges over the built-in message: objects key by key, anything else replaces', () => {
    const builtIn = {
      embeds: [{ title: 'T' }],
      allowed_mentions: { parse: [] },
      a: { b: 1, c: 2 }
    };
    expect(mergeOver(builtIn, { username: 'Bot', a: { c: 3 }, embeds: [] })).toEqual({
      embeds: [],
      allowed_mentions: { parse: [] },
      a: { b: 1, c: 3 },
      username: 'Bot'
    });
    expect(mergeOver(builtIn, undefined)).toBe(builtIn);
  });
});

describe("X's weighted count", () => {
  it.each([
    ['280 Latin letters', 'a'.repeat(280), 280],
    ['140 CJK characters', '火'.repeat(140), 280],
    ['a URL of 300 characters', `https://example.com/${'x'.repeat(280)}`, 23],
    ['a family emoji (ZWJ)', '👨‍👩‍👧‍👦', 2],
    ['an accent written apart (NFC)', 'e\u0301', 1],
    ['an em dash and a typographic apostrophe', '—’', 2]
  ])('%s', (_what, text, weight) => {
    expect(xLength(text)).toBe(weight);
  });

  it('counts a word X may read as a domain at least as a link, never less than X', () => {
    expect(xLength('README.md')).toBe(23);
    expect(xLength(`${'a'.repeat(30)}.md`)).toBe(33);
  });
});

describe("Bluesky's link facets", () => {
  it('give each link its ends in UTF-8 bytes, after emoji and accents, without the closing period', () => {
    const text = '🚀 Ünïcode — see https://example.com/a. And https://b.example';
    const bytes = Buffer.from(text);
    const facets = linkFacets(text) as Array<{ index: { byteStart: number; byteEnd: number } }>;
    expect(facets.map(f => bytes.subarray(f.index.byteStart, f.index.byteEnd).toString())).toEqual([
      'https://example.com/a',
      'https://b.example'
    ]);
  });
});

describe('the markup filters', () => {
  it('a template using any of them, and only them, needs the destinations file', () => {
    for (const dialect of DIALECT_NAMES)
      expect(usesMarkupFilter(`{{ version.changes | ${filterName(dialect)}: 100 }}`)).toBe(true);
    expect(usesMarkupFilter('{{ version.changes | to_json }}')).toBe(false);
    expect(usesMarkupFilter('{{ version.changes | truncate: 10 }}')).toBe(false);
  });

  it('each is registered under its name', () => {
    expect(Object.keys(markupFilters('')).sort()).toEqual(DIALECT_NAMES.map(filterName).sort());
  });
});
