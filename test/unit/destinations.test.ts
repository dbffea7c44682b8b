import { describe, expect, it } from '@jest/globals';
import { DESTINATION_NAMES } from '../../src/config/types.js';
import { DESTINATIONS } from '../../src/destinations/index.js';
import { mergeOver } from '../../src/render/destination.js';

describe('the destinations', () => {
  it('the registry holds every name the config accepts, http aside', () => {
    expect(Object.keys(DESTINATIONS).sort()).toEqual(
      DESTINATION_NAMES.filter(name => name !== 'http').sort()
    );
  });

  it('each has a table of limits for the README', () => {
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
