// The `webhook-id` of a delivery (SPEC §15): derived from what it announces, so that a retry, a
// re-run of the job or a re-announcement carries the same id, and a receiver that de-duplicates
// by it (Standard Webhooks) sees one message.
import { createHash } from 'node:crypto';

export interface Announced {
  repository: string;
  event: string;
  /** The version's id, else its label. */
  version: string;
  webhook: string;
}

/** A UUID (version 8: its bits are a SHA-256 of what is announced), as receivers expect ids. */
export function webhookId({ repository, event, version, webhook }: Announced): string {
  const hex = createHash('sha256')
    .update(JSON.stringify([repository, event, version, webhook]))
    .digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
