// HMAC-SHA256 without node:crypto, whose loading costs a signed run more than signing itself
// (docs/performance.md): @noble/hashes, audited, held to node:crypto by a test. A file of its own
// in the bundle (hmac.js), loaded only by a run that signs.
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';

export function hmacSha256(key: Uint8Array, message: string): Buffer {
  return Buffer.from(hmac(sha256, key, Buffer.from(message, 'utf8')));
}
