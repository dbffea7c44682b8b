// The delivery record of a workflow run (SPEC §15): which webhooks an attempt delivered, kept
// with the Actions cache service, so that "Re-run failed jobs" does not post them again. Cache
// entries cannot change: each attempt restores the newest record of its run by key prefix and
// saves one of its own. A file of its own in the bundle (delivery-record.js): @actions/cache is
// loaded only by a run that delivered something, or by a re-run.
import { createHash } from 'node:crypto';
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

/**
 * A record per run and version: the steps of a job announcing one version share it (each saves
 * what the newest record held and what it did), while a matrix announcing several versions
 * keeps one per version.
 */
const keyPrefix = (place: RecordPlace, version: string) =>
  `release-webhooks-delivered-${place.runId}-${createHash('sha256').update(version).digest('hex').slice(0, 16)}-`;
const fileOf = (place: RecordPlace) =>
  path.join(place.folder, `release-webhooks-delivered-${place.runId}.json`);

/** What this run delivered of `version` so far; empty when nothing was recorded. */
export async function restoreRecord(
  place: RecordPlace,
  version: string
): Promise<DeliveredWebhook[]> {
  const file = fileOf(place);
  const prefix = keyPrefix(place, version);
  const matched = await cache.restoreCache([file], `${prefix}${place.attempt}`, [prefix]);
  if (!matched) return [];
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { delivered?: DeliveredWebhook[] };
  return Array.isArray(parsed.delivered) ? parsed.delivered : [];
}

/**
 * Saves a record of its own (cache entries cannot change): the newest record's entries, with
 * `delivered` in place of those it repeats.
 */
export async function saveRecord(
  place: RecordPlace,
  version: string,
  delivered: DeliveredWebhook[]
): Promise<boolean> {
  const kept = (await restoreRecord(place, version)).filter(
    entry => !delivered.some(now => now.name === entry.name && now.event === entry.event)
  );
  const file = fileOf(place);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ delivered: [...kept, ...delivered] }));
  const key = `${keyPrefix(place, version)}${place.attempt}-${Date.now()}`;
  return (await cache.saveCache([file], key)) !== -1;
}
