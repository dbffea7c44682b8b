// A webhook with `to` (SPEC §12): its built-in announcement under the payload written for it,
// the URL as the destination is called, and the checks of the body against its limits.
import type { WebhookDefinition } from '../config/types.js';
import type { VersionContext } from '../context/types.js';
import type { AnswerReader } from '../destinations/types.js';
import type { Problem } from '../problems.js';
import { DIALECT_NAMES, filterName } from '../markup/dialect-names.js';
import { isPayloadMap } from './json.js';

/** The destinations module (dist/destinations.js), loaded only when a run needs it. */
export type DestinationKit = typeof import('../destinations/index.js');

/** The kit, with the modules of the destinations `names` (webhooks' `to`) loaded. */
export async function loadDestinationKit(names: string[]): Promise<DestinationKit> {
  const kit = await import('../destinations/index.js');
  await kit.withServices(names);
  return kit;
}

/** The markup filters, by name: a template that uses one needs the kit. */
const MARKUP_FILTER = new RegExp(`\\|\\s*(?:${DIALECT_NAMES.map(filterName).join('|')})\\b`);

export function usesMarkupFilter(source: string): boolean {
  return MARKUP_FILTER.test(source);
}

/**
 * What the built-in messages link, and where `…` links when a changelog is cut: the release page,
 * else a download page given, else the repository's releases; never `…/releases/latest`, which
 * moves on with the next release.
 */
export function moreUrlOf(context: VersionContext): string {
  const { version, app, repository } = context;
  if (version.url) return version.url;
  if (app.download_url && app.download_url !== `${repository.url}/releases/latest`)
    return app.download_url;
  return repository.url ? `${repository.url}/releases` : app.download_url;
}

/** One side of a request to a destination: as sent, or as it may be shown. */
export interface Wire {
  /** The message: the payload over the built-in announcement (what checks and previews read). */
  message: unknown;
  /** The body as the destination takes it (Matrix leaves the room out). */
  body: unknown;
  url: string;
  /** Headers the destination's endpoint adds (credentials, an idempotency key). */
  headers: Array<[string, string]>;
  method?: 'POST' | 'PUT' | 'SMTP';
}

export interface Delivered {
  sent: Wire;
  shown: Wire;
  answers: AnswerReader;
}

/** The payload merged over the built-in message, and the request as the destination takes it. */
export function forDestination(
  kit: DestinationKit,
  webhook: WebhookDefinition,
  context: VersionContext,
  rendered: { value: unknown; shownValue: unknown; url: string; shownUrl: string },
  auth: Record<string, string>,
  id: string
): Delivered {
  const destination = kit.DESTINATIONS[webhook.destination];
  const builtIn = kit.builtInMessage(
    destination,
    {
      title: `${context.app.display_name} ${context.version.label}`.trim(),
      link: moreUrlOf(context),
      size: context.version.humanized_content_size,
      changes: context.version.changes,
      repository: context.repository.full_name
    },
    context.github.server_url
  );
  const wire = (url: string, value: unknown, values: Record<string, string>): Wire => {
    const message = mergeOver(builtIn, value);
    const endpoint =
      destination.endpoint && /^(https?|smtps?):/i.test(url)
        ? destination.endpoint(url, values, id, isPayloadMap(message) ? message : {})
        : { url, headers: [] };
    const calledAs =
      destination.url && /^https?:/i.test(endpoint.url)
        ? destination.url(endpoint.url)
        : endpoint.url;
    return {
      message,
      body: isPayloadMap(message) && endpoint.body ? endpoint.body : message,
      url: calledAs,
      headers: endpoint.headers,
      method: endpoint.method
    };
  };
  const sent = wire(rendered.url, rendered.value, auth);
  // Credentials are shown as `***`, whatever header or URL they go into; a URL read from a secret
  // stays `***` whole.
  const shownAuth = Object.fromEntries(Object.keys(auth).map(key => [key, '***']));
  const secretUrl = /\*\*\*/.test(rendered.shownUrl);
  const shown = wire(secretUrl ? rendered.url : rendered.shownUrl, rendered.shownValue, shownAuth);
  if (secretUrl) shown.url = rendered.shownUrl;
  return { sent, shown, answers: destination.answers };
}

/** What the destination would refuse, as problems at the webhook's payload (or the webhook). */
export function destinationProblems(
  kit: DestinationKit,
  webhook: WebhookDefinition,
  bodyText: string
): Problem[] {
  const destination = kit.DESTINATIONS[webhook.destination];
  const body = kit.jsonBody(bodyText);
  const field = `webhooks[${webhook.index}].payload`;
  return destination.check(body, bodyText).map(refusal => ({
    message: `${destination.title} would refuse this: ${refusal.message}`,
    field: refusal.field === 'payload' ? field : `${field}.${refusal.field}`,
    place: webhook.payloadPlace ?? webhook.place,
    webhook: webhook.name
  }));
}

/** The message a shown body makes, as people will read it (GitHub Markdown). */
export function messagePreview(
  kit: DestinationKit,
  webhook: WebhookDefinition,
  shownBody: string
): string {
  return kit.DESTINATIONS[webhook.destination].preview(kit.jsonBody(shownBody));
}

/** Objects merge key by key; anything else (a string, a list) replaces. */
export function mergeOver(base: unknown, over: unknown): unknown {
  if (over === undefined) return base;
  if (!isPayloadMap(base) || !isPayloadMap(over)) return over;
  const merged: Record<string, unknown> = { ...base };
  // Defined, not assigned: a `__proto__` key stays data instead of setting the prototype.
  for (const [key, value] of Object.entries(over))
    Object.defineProperty(merged, key, {
      value: mergeOver(Object.hasOwn(base, key) ? base[key] : undefined, value),
      enumerable: true,
      writable: true,
      configurable: true
    });
  return merged;
}
