import { describe, expect, it } from '@jest/globals';
import * as nodeCrypto from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as standIn from '../../src/crypto.js';
import { createHash, createHmac, randomUUID } from '../../src/crypto.js';
import { hmacSha256 } from '../../src/deliver/hmac.js';
import { seededRandom } from '../support/seeded-random.js';

describe('crypto without loading node:crypto up front', () => {
  it('gives version 4 UUIDs, all different, across many refills of its pool', () => {
    const ids = Array.from({ length: 5000 }, () => randomUUID());
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('spreads UUID bits evenly (no byte stuck, no pool reused)', () => {
    const counts = new Array<number>(16).fill(0);
    for (let i = 0; i < 4000; i++) counts[parseInt(randomUUID()[0], 16)]++;
    // 250 expected per hex digit; a stuck or repeated source lands far outside this band.
    for (const count of counts) expect(count).toBeGreaterThan(150);
    for (const count of counts) expect(count).toBeLessThan(350);
  });

  it('signs and hashes exactly as node:crypto does', () => {
    expect(createHmac('sha256', 'key').update('body').digest('hex')).toBe(
      nodeCrypto.createHmac('sha256', 'key').update('body').digest('hex')
    );
    expect(createHash('sha256').update('body').digest('base64')).toBe(
      nodeCrypto.createHash('sha256').update('body').digest('base64')
    );
  });
});

describe('src/crypto.ts stands in for `crypto` in the bundle', () => {
  // scripts/build.js gives this module to these packages in place of node:crypto.
  const importers = {
    liquidjs: readFileSync('node_modules/liquidjs/dist/liquid.node.mjs', 'utf8'),
    '@actions/core': readFileSync('node_modules/@actions/core/lib/file-command.js', 'utf8')
  };

  it.each(Object.entries(importers))('exports every name %s uses', (_name, source) => {
    const named = /import \{([^}]*)\} from 'crypto'/.exec(source)?.[1].split(',') ?? [];
    const used = [...source.matchAll(/\bcrypto\.(\w+)/g)].map(match => match[1]);
    const names = [...named, ...used].map(name => name.trim()).filter(Boolean);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(typeof standIn[name as keyof typeof standIn]).toBe('function');
  });
});

describe('hmac.js signs without node:crypto', () => {
  it("gives node:crypto's HMAC-SHA256 for keys and messages of every length", () => {
    const random = seededRandom(20261128);
    const text = (length: number) =>
      Array.from({ length }, () => String.fromCodePoint(32 + Math.floor(random() * 0x2fff))).join(
        ''
      );
    for (let i = 0; i < 300; i++) {
      const key = Buffer.from(Array.from({ length: i % 150 }, () => Math.floor(random() * 256)));
      const message = text(i * 7);
      expect(hmacSha256(key, message).toString('hex')).toBe(
        nodeCrypto.createHmac('sha256', key).update(message).digest('hex')
      );
    }
  });
});
