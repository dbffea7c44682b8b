// A webhook's templates, whether they read the version label (which a real delivery must have,
// SPEC §3), and how a value read from secrets is shown (which values did is told by the engine).
import type { PayloadTree, Template, WebhookDefinition } from '../config/types.js';
import { carriesBody } from '../http-facts.js';

const MARKUP = /\{\{[^]*?\}\}|\{%[^]*?%\}/g;

function markupOf(source: string): string[] {
  return source.includes('{') ? [...source.matchAll(MARKUP)].map(([m]) => m.slice(2, -2)) : [];
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
