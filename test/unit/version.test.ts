import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { VERSION } from '../../src/version.js';
import { KNOWN_EVENTS } from '../../src/events.js';

describe('metadata', () => {
  it('the User-Agent version is package.json version', () => {
    expect(VERSION).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });

  it('knows the three events of the Panel', () => {
    expect(KNOWN_EVENTS).toEqual([
      'version_published',
      'version_processed',
      'version_process_failed'
    ]);
  });
});
