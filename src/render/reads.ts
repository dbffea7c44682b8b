// Which variables a webhook's templates read, found in their Liquid markup: the secrets (whose
// output is shown as `***` whole: masking the finished text cannot catch what a filter or a URL
// parser made of a secret, SPEC §8) and the version label (which a real delivery must have, §3).
import type { PayloadTree, Template, WebhookDefinition } from '../config/types.js';
import { carriesBody } from '../http-facts.js';

const MARKUP = /\{\{[^]*?\}\}|\{%[^]*?%\}/g;

function markupOf(source: string): string[] {
  return source.includes('{') ? [...source.matchAll(MARKUP)].map(([m]) => m.slice(2, -2)) : [];
}

/** `secrets` by name, or a lookup whose root is computed (`[name]`), which could reach it. */
const SECRET_READ = /\bsecrets\b|(?:^|[\s{%(,:=|])\[/;

export function readsSecrets(source: string): boolean {
  if (markupOf(source).some(markup => SECRET_READ.test(markup))) return true;
  // An unclosed tag renders nothing readable, but says so in an error: treat it as reading.
  return /\{[{%](?![^]*[}%]\})/.test(source) && /\bsecrets\b/.test(source);
}

/** `version.label`, or the whole `version` (`{{ version | json }}`). */
const LABEL_READ = /\bversion\s*(?:\.\s*label\b|\[\s*["']label["']\s*\]|(?![\s.[]*[\w[]))/;

/** Whether the webhook would send `version.label`: a template reads it, or the event document does. */
export function readsVersionLabel(webhook: WebhookDefinition): boolean {
  const sendsEventDocument =
    !webhook.payload && carriesBody(webhook.method) && webhook.method !== 'DELETE';
  return (
    sendsEventDocument ||
    templatesOf(webhook).some(({ source }) =>
      markupOf(source).some(markup => LABEL_READ.test(markup))
    )
  );
}

/** Every template of a webhook that renders into its request. */
export function templatesOf(webhook: WebhookDefinition): Template[] {
  const templates = [webhook.url, ...webhook.headers.map(header => header.value)];
  if (webhook.payload?.kind === 'text') templates.push(webhook.payload.template);
  if (webhook.payload?.kind === 'structured') templates.push(...leaves(webhook.payload.tree));
  return templates;
}

function leaves(tree: PayloadTree): Template[] {
  switch (tree.kind) {
    case 'template':
      return [tree.template];
    case 'list':
      return tree.items.flatMap(leaves);
    case 'map':
      return tree.entries.flatMap(([, value]) => leaves(value));
    default:
      return [];
  }
}

/** How a value read from secrets is shown. */
export const SHOWN_SECRET = '***';

/** A URL that reads a secret: the scheme and host when they are literal text, then `***`. */
export function shownSecretUrl(source: string): string {
  const origin = /^(https?:\/\/[^/?#{}%\s@]+)[/?#]/i.exec(source)?.[1];
  return origin ? `${origin}/${SHOWN_SECRET}` : SHOWN_SECRET;
}
