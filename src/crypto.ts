// The parts of node:crypto the action uses, loaded only when a run needs them.
//
// Loading node:crypto brings perf_hooks and some 25 internal modules (a measurable share of a
// plain run's start-up; ARCHITECTURE.md has the figure), and a plain run needs nothing from it but
// random ids. Those come from the operating system's random device, and signatures from hmac.js
// (src/deliver/hmac.ts); node:crypto is loaded for a Liquid hash filter, where there is no such
// device (Windows), or to sign before hmac.js is loaded. The bundle also gives this module to
// liquidjs and @actions/core in place of `crypto`, so it covers what they call too.
import { closeSync, openSync, readSync } from 'node:fs';
import type { Hash, Hmac } from 'node:crypto';

type NodeCrypto = typeof import('node:crypto');
let nodeCrypto: NodeCrypto | undefined;
const loadNodeCrypto = (): NodeCrypto => (nodeCrypto ??= process.getBuiltinModule('node:crypto'));

export function createHmac(algorithm: string, key: string | Buffer): Hmac {
  return loadNodeCrypto().createHmac(algorithm, key);
}

export function createHash(algorithm: string): Hash {
  return loadNodeCrypto().createHash(algorithm);
}

const UUID_BYTES = 16;
const pool = Buffer.alloc(UUID_BYTES * 32);
let poolOffset = pool.length;
let randomDevice: boolean | undefined;

/** A version 4 UUID from a cryptographically secure source, as node:crypto's randomUUID. */
export function randomUUID(): string {
  if (poolOffset === pool.length && !refillPool()) return loadNodeCrypto().randomUUID();
  const bytes = pool.subarray(poolOffset, poolOffset + UUID_BYTES);
  poolOffset += UUID_BYTES;
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function refillPool(): boolean {
  if (randomDevice === false) return false;
  try {
    const fd = openSync('/dev/urandom', 'r');
    try {
      randomDevice = readSync(fd, pool, 0, pool.length, null) === pool.length;
    } finally {
      closeSync(fd);
    }
  } catch {
    randomDevice = false;
  }
  poolOffset = randomDevice ? 0 : pool.length;
  return randomDevice;
}
