// The destinations (SPEC §12) and the markup filters: a file of its own in the bundle
// (destinations.js), with the Markdown parser, loaded only by a run that uses them. The chat
// destinations are here; the other services (SPEC §14) are added from services.js by a run that
// has a webhook to one of them.
import { convertMarkdown, DIALECT_NAMES, type Dialect } from '../markup/convert.js';
import { filterName } from '../markup/dialect-names.js';
import { discord } from './discord.js';
import { googleChat } from './google-chat.js';
import { mastodon } from './mastodon.js';
import { mattermost } from './mattermost.js';
import { rocketchat } from './rocketchat.js';
import { slack } from './slack.js';
import { teams } from './teams.js';
import { telegram } from './telegram.js';
import type { Announcement, Destination } from './types.js';

export type { Announcement, Destination, Refusal } from './types.js';
export { jsonBody } from './types.js';

export const DESTINATIONS: Record<string, Destination> = Object.fromEntries(
  [discord, slack, teams, telegram, googleChat, mattermost, rocketchat, mastodon].map(d => [
    d.name,
    d
  ])
);

/** Adds the services of SPEC §14 to DESTINATIONS when one of `names` is among them. */
export async function withServices(names: string[]): Promise<void> {
  if (names.every(name => name === 'http' || Object.hasOwn(DESTINATIONS, name))) return;
  const { SERVICES } = await import('./services.js');
  for (const service of SERVICES) DESTINATIONS[service.name] = service;
}

/** A destination's built-in announcement. */
export function builtInMessage(
  destination: Destination,
  announcement: Announcement,
  serverUrl?: string
) {
  return destination.message(announcement, (markdown, options, dialect = destination.dialect) =>
    convertMarkdown(markdown, dialect, { ...options, serverUrl })
  );
}

/**
 * `to_discord`, `to_slack` … `to_text`: GitHub Markdown in the destination's dialect, with an
 * optional maximum length; `moreUrl` is where `…` links to when the text is cut.
 */
export function markupFilters(
  moreUrl: string,
  serverUrl?: string
): Record<string, (value: unknown, max?: unknown) => string> {
  return Object.fromEntries(
    DIALECT_NAMES.map((dialect: Dialect) => [
      filterName(dialect),
      (value: unknown, max?: unknown) =>
        convertMarkdown(value === null || value === undefined ? '' : String(value), dialect, {
          maxLength: maxLength(max),
          moreUrl: moreUrl || undefined,
          serverUrl
        })
    ])
  );
}

function maxLength(value: unknown): number | undefined {
  const number = Number(value);
  return value === undefined || value === null || !Number.isFinite(number) || number <= 0
    ? undefined
    : Math.floor(number);
}
