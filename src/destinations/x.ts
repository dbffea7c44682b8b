// X (`url`: https://api.x.com by default): `POST /2/tweets`, each attempt signed with OAuth 1.0a
// from the app's consumer key and the account's access token (the JSON body is not signed), a
// post within 280 as X weighs it: most scripts' characters count 2, Latin ones 1, an emoji 2, a
// link 23 (SPEC §14).
import { createHmac, randomBytes } from 'node:crypto';
import {
  graphemes,
  isRecord,
  jsonAt,
  textOf,
  unmention,
  untilReset,
  type Destination,
  type Refusal
} from './types.js';

export const X_LIMITS = { weighted: 280, url: 23 };
const L = X_LIMITS;

/** Code points that weigh 1 (twitter-text's v3 configuration); every other weighs 2. */
const LIGHT: Array<[number, number]> = [
  [0, 4351],
  [8192, 8205],
  [8208, 8223],
  [8242, 8247]
];
const weightOf = (codePoint: number) =>
  LIGHT.some(([from, to]) => codePoint >= from && codePoint <= to) ? 1 : 2;

const LINK = /https?:\/\/[^\s<>"]+/g;
/** A word X may take for a domain (`README.md` is one: `.md` is Moldova's). */
const DOMAIN_LIKE = /[\p{L}\p{N}_-]+(?:\.[\p{L}\p{N}_-]+)*\.[a-z]{2,}\b[^\s]*/giu;

function weighed(text: string): number {
  let weight = 0;
  for (const segment of graphemes(text))
    weight = /\p{Extended_Pictographic}/u.test(segment)
      ? weight + 2
      : [...segment].reduce((sum, char) => sum + weightOf(char.codePointAt(0)!), weight);
  return weight;
}

/**
 * A post's length as X weighs it, never less: a link counts 23, and a word that X may or may not
 * take for a domain counts the more of 23 and its own weight.
 */
export function xLength(text: string): number {
  const normal = text.normalize('NFC');
  const links = [...normal.matchAll(LINK)].length;
  const rest = normal.replace(LINK, ' ');
  let domains = 0;
  const plain = rest.replace(DOMAIN_LIKE, word => {
    domains += Math.max(L.url, weighed(word));
    return '';
  });
  return weighed(plain) + links * L.url + domains - links;
}

/** RFC 3986 percent-encoding, as OAuth 1.0a signs. */
const percent = (text: string) =>
  encodeURIComponent(text).replace(
    /[!'()*]/g,
    char => `%${char.charCodeAt(0).toString(16).toUpperCase()}`
  );

/** The `Authorization: OAuth …` header of a request with a JSON body (RFC 5849 §3.4.1). */
export function oauthHeader(
  method: string,
  url: string,
  auth: Record<string, string>,
  nonce: string,
  timestamp: number
): string {
  const parsed = new URL(url);
  const params: Record<string, string> = {
    oauth_consumer_key: auth.consumer_key,
    oauth_nonce: nonce,
    oauth_signature_method: 'HMAC-SHA1',
    oauth_timestamp: String(timestamp),
    oauth_token: auth.access_token,
    oauth_version: '1.0'
  };
  const all = [...Object.entries(params), ...parsed.searchParams.entries()]
    .map(([key, value]) => [percent(key), percent(value)])
    .sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : 1) : a < b ? -1 : 1))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
  const base = [
    method.toUpperCase(),
    percent(`${parsed.protocol}//${parsed.host}${parsed.pathname}`),
    percent(all)
  ].join('&');
  const key = `${percent(auth.consumer_secret)}&${percent(auth.access_token_secret)}`;
  const signature = createHmac('sha1', key).update(base).digest('base64');
  return `OAuth ${Object.entries({ ...params, oauth_signature: signature })
    .map(([name, value]) => `${percent(name)}="${percent(value)}"`)
    .join(', ')}`;
}

export const x: Destination = {
  name: 'x',
  title: 'X',
  dialect: 'text',
  auth: ['consumer_key', 'consumer_secret', 'access_token', 'access_token_secret'],
  limits: [
    {
      what: '`text`',
      limit: `${L.weighted} weighted (most scripts count 2, an emoji 2, a link ${L.url})`,
      handling: 'the changelog as plain text, cut to fit'
    },
    {
      what: 'mentions',
      limit: '—',
      handling: '`@names` in notes mention nobody (a zero-width space after the `@`)'
    }
  ],
  message(announcement, convert) {
    const { title, link } = announcement;
    const room = L.weighted - xLength(title) - (link ? L.url + 2 : 0) - 2;
    // Measured as it will be sent, zero-width spaces included.
    const changes =
      room > 20
        ? unmention(
            convert(announcement.changes, {
              maxLength: room,
              measure: text => xLength(unmention(text))
            })
          )
        : '';
    return { text: [title, changes, link].filter(part => part.trim()).join('\n\n') };
  },
  check(body) {
    if (!isRecord(body)) return [{ field: 'payload', message: 'X takes a JSON object' }];
    const refusals: Refusal[] = [];
    const text = textOf(body.text);
    if (!text.trim() && !isRecord(body.media))
      refusals.push({ field: 'text', message: 'X needs `text` (or `media`)' });
    const length = xLength(text);
    if (length > L.weighted)
      refusals.push({
        field: 'text',
        message: `text weighs ${length} as X counts it (most scripts count 2, a link ${L.url}); the limit is ${L.weighted}. Fit the changelog with a markup filter, e.g. {{ version.changes | to_text: 100 }}.`
      });
    return refusals;
  },
  endpoint: url => ({ url: `${url.replace(/\/+$/, '')}/2/tweets`, headers: [] }),
  // Signed for each attempt: a retry must not replay a nonce and timestamp.
  signAttempt: (request, auth, webhookId) => [
    [
      'Authorization',
      oauthHeader(
        request.method,
        request.url,
        auth,
        `${webhookId.replace(/-/g, '')}${randomBytes(8).toString('hex')}`,
        Math.floor(Date.now() / 1000)
      )
    ]
  ],
  preview: body => (isRecord(body) ? textOf(body.text) : ''),
  answers: {
    messageId: answer => textOf(jsonAt(answer.body, 'data', 'id')) || null,
    // X sends no Retry-After: its limit resets at `x-rate-limit-reset`, in epoch seconds.
    retryAfterMs: answer => untilReset(answer, 'x-rate-limit-reset')
  }
};
