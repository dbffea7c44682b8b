// The JSON Schema (draft 2020-12) of webhooks.yml, generated from the loader's own definitions.
// webhooks.schema.json is this object; a test keeps the committed file equal to it.
import { KNOWN_EVENTS } from '../events.js';
import {
  HEADER_NAME,
  MAX_RETRIES,
  MAX_TIMEOUT_SECONDS,
  SHARED_KEYS,
  type SharedKey
} from './fields.js';
import { DEFAULT_URLS, DESTINATION_NAMES, FORMATS, METHODS, SIGNATURE_SCHEMES } from './types.js';

/** Matches any letter case of the allowed words, as the loader does. */
function anyCase(words: readonly string[], description: string) {
  const letters = (word: string) =>
    [...word]
      .map(c =>
        c.toLowerCase() === c.toUpperCase() ? c : `[${c.toLowerCase()}${c.toUpperCase()}]`
      )
      .join('');
  return {
    type: 'string',
    pattern: `^(?:${words.map(letters).join('|')})$`,
    description,
    examples: [...words]
  };
}

const template = (description: string) => ({ type: 'string', description });

const SHARED: Record<SharedKey, object> = {
  to: {
    ...anyCase(DESTINATION_NAMES, 'Where the webhook goes. Default http (any endpoint).'),
    description:
      'Where the webhook goes: http (default, any endpoint), or a destination whose built-in message, limits and answers the action knows.'
  },
  event: {
    description: 'The events that fire the webhook.',
    oneOf: [
      { $ref: '#/$defs/event' },
      { type: 'array', items: { $ref: '#/$defs/event' }, minItems: 1 }
    ]
  },
  method: anyCase(METHODS, 'HTTP method, any case. Default POST.'),
  headers: {
    description: 'Header names and value templates, or a JSON object as a string.',
    oneOf: [
      {
        type: 'object',
        propertyNames: { pattern: HEADER_NAME.source },
        additionalProperties: { type: ['string', 'number', 'boolean'] }
      },
      { type: 'string' }
    ]
  },
  format: anyCase(FORMATS, 'Request format, any case. Default json.'),
  payload: {
    description:
      'The body: a map or list whose strings are templates, JSON text, or (format text) the body template.',
    type: ['object', 'array', 'string', 'null']
  },
  when: {
    description: 'A Liquid condition; false skips the webhook.',
    type: ['string', 'boolean']
  },
  enabled: { description: 'false skips the webhook.', type: 'boolean' },
  secret: template('Signing secret (a template, usually {{ secrets.NAME }}).'),
  signature: anyCase(SIGNATURE_SCHEMES, 'Signature scheme. Default standard.'),
  timeout: {
    description: 'Seconds per attempt.',
    type: 'number',
    exclusiveMinimum: 0,
    maximum: MAX_TIMEOUT_SECONDS
  },
  retries: {
    description: 'Extra attempts after a retryable failure.',
    type: 'integer',
    minimum: 0,
    maximum: MAX_RETRIES
  },
  'continue-on-error': {
    description: 'A failure of this webhook does not fail the step.',
    type: 'boolean'
  },
  auth: {
    description:
      "The destination's credentials (to: mastodon takes token; to: slack a bot token for chat.postMessage), each value a template; every value is treated as a secret and shown as ***.",
    type: 'object',
    additionalProperties: { type: 'string' }
  },
  update: {
    description:
      'Edit the message posted for an earlier event of the same version (its id from the message-ids input) instead of posting a new one, where the destination can edit (Discord, Telegram, Mastodon, Slack through chat.postMessage).',
    type: 'boolean'
  }
};

export function webhooksSchema() {
  const shared = Object.fromEntries(SHARED_KEYS.map(key => [key, SHARED[key]]));
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'webhooks.schema.json',
    title: 'Release Webhooks configuration (.github/webhooks.yml)',
    type: 'object',
    additionalProperties: false,
    required: ['webhooks'],
    properties: {
      defaults: {
        description: 'Keys applied under every webhook (any key but name and url).',
        type: ['object', 'null'],
        additionalProperties: false,
        properties: shared
      },
      webhooks: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          additionalProperties: false,
          // `url` may be left out for a service with one address.
          anyOf: [
            { required: ['url'], properties: { url: true } },
            {
              required: ['to'],
              properties: {
                to: anyCase(Object.keys(DEFAULT_URLS), 'A service with a default url.')
              }
            }
          ],
          properties: {
            name: {
              type: 'string',
              minLength: 1,
              description: 'Unique name. Default "webhook N".'
            },
            url: template(
              'The URL template; renders to an absolute http(s) URL (smtp: or smtps: for to: email). A service with one address (Bluesky, X…) has a default.'
            ),
            ...shared
          }
        }
      }
    },
    $defs: {
      event: { type: 'string', enum: [...KNOWN_EVENTS] }
    }
  };
}
