// The delivery record of a workflow run (SPEC §15): which webhooks an attempt delivered, kept
// with the Actions cache service, so that "Re-run failed jobs" does not post them again. Cache
// entries cannot change: each attempt restores the newest record of its run by key prefix and
// saves one of its own. A file of its own in the bundle (delivery-record.js): @actions/cache is
// loaded only by a run that delivered something, or by a re-run.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as cache from '@actions/cache';

export interface DeliveredWebhook {
  name: string;
  event: string;
  /** The version's id, else its label. */
  version: string;
  messageId: string | null;
  /** The run attempt that delivered it. */
  attempt: number;
}

export interface RecordPlace {
  runId: string;
  attempt: number;
  /** A folder of the runner's own (RUNNER_TEMP), never the workspace a later step may commit. */
  folder: string;
}

const keyPrefix = (place: RecordPlace) => `release-webhooks-delivered-${place.runId}-`;
const fileOf = (place: RecordPlace) =>
  path.join(place.folder, `release-webhooks-delivered-${place.runId}.json`);

/** What earlier attempts of this run delivered; empty when nothing was recorded. */
export async function restoreRecord(place: RecordPlace): Promise<DeliveredWebhook[]> {
  const file = fileOf(place);
  const matched = await cache.restoreCache([file], `${keyPrefix(place)}${place.attempt}`, [
    keyPrefix(place)
  ]);
  if (!matched) return [];
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { delivered?: DeliveredWebhook[] };
  return Array.isArray(parsed.delivered) ? parsed.delivered : [];
}

/** Saves this attempt's record: what earlier attempts delivered and what this one did. */
export async function saveRecord(
  place: RecordPlace,
  delivered: DeliveredWebhook[]
): Promise<boolean> {
  const file = fileOf(place);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ delivered }));
  return (await cache.saveCache([file], `${keyPrefix(place)}${place.attempt}`)) !== -1;
}
