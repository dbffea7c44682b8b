// Standard Webhooks and GitHub-style signatures over the exact bytes sent.
import { createHmac } from 'node:crypto';
import type { SignatureScheme } from '../config/types.js';

export interface Signing {
  scheme: SignatureScheme;
  secret: string;
}

function hmacSha256(key: Buffer, message: string): Buffer {
  return createHmac('sha256', key).update(message).digest();
}

export function signatureHeaders(
  signing: Signing,
  deliveryId: string,
  timestamp: number,
  body: string
): Array<[string, string]> {
  const headers: Array<[string, string]> = [];
  if (signing.scheme === 'standard' || signing.scheme === 'both') {
    const digest = hmacSha256(
      standardKey(signing.secret),
      `${deliveryId}.${timestamp}.${body}`
    ).toString('base64');
    headers.push(['webhook-signature', `v1,${digest}`]);
  }
  if (signing.scheme === 'github' || signing.scheme === 'both') {
    const digest = hmacSha256(Buffer.from(signing.secret, 'utf8'), body).toString('hex');
    headers.push(['X-Hub-Signature-256', `sha256=${digest}`]);
  }
  return headers;
}

/** Standard Webhooks keys are `whsec_` + base64; any other secret is used as its UTF-8 bytes. */
function standardKey(secret: string): Buffer {
  return secret.startsWith('whsec_')
    ? Buffer.from(secret.slice(6), 'base64')
    : Buffer.from(secret, 'utf8');
}
