// The typed, validated form of webhooks.yml that the render stage consumes.
import type { EventName } from '../events.js';
import type { SourcePlace } from '../problems.js';

export const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type Method = (typeof METHODS)[number];

export const FORMATS = ['json', 'form', 'text'] as const;
export type Format = (typeof FORMATS)[number];

/** Where a webhook goes (SPEC §12): `http` is any endpoint, the others are known destinations. */
export const DESTINATION_NAMES = [
  'http',
  'discord',
  'slack',
  'teams',
  'telegram',
  'google-chat',
  'mattermost',
  'rocketchat',
  'mastodon',
  'bluesky',
  'discourse',
  'zulip',
  'matrix',
  'github-discussions',
  'reddit',
  'opencollective',
  'email',
  'x',
  'linkedin'
] as const;
export type DestinationName = (typeof DESTINATION_NAMES)[number];

/** The `url` of a destination that has one address for everybody, when the webhook gives none. */
export const DEFAULT_URLS: Partial<Record<DestinationName, string>> = {
  bluesky: 'https://bsky.social',
  'github-discussions': '{{ github.server_url }}',
  reddit: 'https://oauth.reddit.com',
  opencollective: 'https://api.opencollective.com/graphql/v2',
  x: 'https://api.x.com',
  linkedin: 'https://api.linkedin.com'
};

export const SIGNATURE_SCHEMES = ['standard', 'github', 'both'] as const;
export type SignatureScheme = (typeof SIGNATURE_SCHEMES)[number];

/**
 * How a position inside a template maps back to the config file: a block scalar keeps its
 * lines, a one-line scalar keeps its columns, anything else is reported at the node itself.
 */
export type TemplateOrigin =
  | { kind: 'block'; firstLine: number; indent: number }
  | { kind: 'inline'; line: number; col: number }
  | { kind: 'node' };

export interface Template {
  source: string;
  /** Field path, e.g. `webhooks[2].payload.text`. */
  field: string;
  place: SourcePlace;
  origin: TemplateOrigin;
}

export type PayloadTree =
  | { kind: 'template'; template: Template }
  | { kind: 'literal'; value: null | boolean }
  /** A number as written in the file: sent with every digit (a Discord id passes 2^53). */
  | { kind: 'number'; text: string }
  | { kind: 'map'; entries: Array<[string, PayloadTree]> }
  | { kind: 'list'; items: PayloadTree[] };

export type Payload =
  { kind: 'structured'; tree: PayloadTree } | { kind: 'text'; template: Template };

export interface HeaderDefinition {
  name: string;
  value: Template;
}

export interface WebhookDefinition {
  /** 0-based position in the `webhooks` list. */
  index: number;
  name: string;
  place: SourcePlace;
  /** Where the payload goes; `http` knows nothing of the receiver. */
  destination: DestinationName;
  events: EventName[];
  method: Method;
  url: Template;
  headers: HeaderDefinition[];
  format: Format;
  payload?: Payload;
  /** Where the payload is written, for problems about the body as a whole. */
  payloadPlace?: SourcePlace;
  when?: Template;
  enabled: boolean;
  secret?: Template;
  signature: SignatureScheme;
  /** Seconds per attempt; undefined falls back to the action's input. */
  timeout?: number;
  retries?: number;
  continueOnError: boolean;
  /** Edit the message posted for an earlier event of the version (SPEC §15). */
  update: boolean;
  /** Credentials a destination takes (SPEC §14): every value is a secret. */
  auth: HeaderDefinition[];
}

export interface WebhooksConfig {
  file: string;
  webhooks: WebhookDefinition[];
}
