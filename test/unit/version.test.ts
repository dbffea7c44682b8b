import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { KNOWN_EVENTS } from '../../src/events.js';
import { VERSION } from '../../src/version.js';

describe('metadata', () => {
  it('the User-Agent version is package.json version', () => {
    expect(VERSION).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });

  it('action.yml names every known event, and no other', () => {
    const action = parse(readFileSync('action.yml', 'utf8')) as {
      inputs: { event: { description: string } };
    };
    const named = action.inputs.event.description.match(/\bversion_\w+/g) ?? [];
    expect([...new Set(named)].sort()).toEqual([...KNOWN_EVENTS].sort());
  });
});
