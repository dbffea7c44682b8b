// Bluesky (`url`: the account's PDS, by default https://bsky.social): a session from the handle
// and an app password, then the post, a record of at most 300 graphemes and 3,000 UTF-8 bytes,
// whose links are made links by facets in UTF-8 byte offsets (Bluesky finds none itself). Posts
// cannot be edited (SPEC §14).
import {
  graphemes,
  isRecord,
  jsonAt,
  textOf,
  untilReset,
  utf8Length,
  type Destination,
  type Refusal
} from './types.js';

export const BLUESKY_LIMITS = { graphemes: 300, bytes: 3000 };
const L = BLUESKY_LIMITS;

const graphemeCount = (text: string) => graphemes(text).length;

const LINK = /https?:\/\/[^\s<>"]+/g;

/** A link facet for each address in the text, its ends in UTF-8 bytes. */
export function linkFacets(text: string): unknown[] {
  return [...text.matchAll(LINK)].map(match => {
    // Punctuation that ends a sentence is not part of the address.
    const uri = match[0].replace(/[.,;:!?)\]'"]+$/, '');
    const byteStart = utf8Length(text.slice(0, match.index));
    return {
      index: { byteStart, byteEnd: byteStart + utf8Length(uri) },
      features: [{ $type: 'app.bsky.richtext.facet#link', uri }]
    };
  });
}

/** Why the given facets would be refused or dropped: ranges outside the text, or overlapping. */
function facetProblem(facets: unknown, bytes: number): string | undefined {
  if (!Array.isArray(facets)) return 'facets must be a list';
  let end = 0;
  const ranges = facets
    .map(facet => (isRecord(facet) && isRecord(facet.index) ? facet.index : {}))
    .map(index => [Number(index.byteStart), Number(index.byteEnd)])
    .sort((a, b) => a[0] - b[0]);
  for (const [start, stop] of ranges) {
    if (
      !Number.isInteger(start) ||
      !Number.isInteger(stop) ||
      start < 0 ||
      stop > bytes ||
      start >= stop
    )
      return `a facet's byte range ${start}–${stop} is not inside the text (${bytes} bytes in UTF-8)`;
    if (start < end) return 'facets overlap: Bluesky drops overlapping facets';
    end = stop;
  }
  return undefined;
}

function isExternalCard(embed: unknown): boolean {
  const external = isRecord(embed) ? embed.external : undefined;
  return (
    isRecord(external) &&
    /^https?:\/\//.test(textOf(external.uri)) &&
    typeof external.title === 'string' &&
    typeof external.description === 'string'
  );
}

const xrpc = (url: string, method: string) => `${url.replace(/\/+$/, '')}/xrpc/${method}`;

export const bluesky: Destination = {
  name: 'bluesky',
  title: 'Bluesky',
  dialect: 'text',
  auth: ['identifier', 'password'],
  limits: [
    {
      what: '`text`',
      limit: `${L.graphemes} graphemes and ${L.bytes} bytes (a link counts in full)`,
      handling:
        'the changelog as plain text, cut to fit; the release page as a link card; every link in the text made a link by a facet'
    }
  ],
  // The release page is a link card, not text: a link in the text counts in full.
  message(announcement, convert) {
    const { title, link, size } = announcement;
    const room = L.graphemes - graphemeCount(title) - 2;
    const changes = convert(announcement.changes, { maxLength: room, measure: graphemeCount });
    return {
      text: [title, changes].filter(part => part.trim()).join('\n\n'),
      ...(link && {
        embed: {
          $type: 'app.bsky.embed.external',
          external: {
            uri: link,
            title,
            description: ['Release notes', size].filter(Boolean).join(' · ')
          }
        }
      })
    };
  },
  check(body) {
    if (!isRecord(body)) return [{ field: 'payload', message: 'Bluesky takes a JSON object' }];
    const refusals: Refusal[] = [];
    const text = textOf(body.text);
    const graphemes = graphemeCount(text);
    const bytes = utf8Length(text);
    if (typeof body.text !== 'string')
      refusals.push({
        field: 'text',
        message: 'Invalid app.bsky.feed.post record: Record must have the property "text"'
      });
    if (graphemes > L.graphemes)
      refusals.push({
        field: 'text',
        message: `text is ${graphemes} graphemes long; the limit is ${L.graphemes} (grapheme too big). Fit the changelog with a markup filter, e.g. {{ version.changes | to_text: 200 }}.`
      });
    else if (bytes > L.bytes)
      refusals.push({
        field: 'text',
        message: `text is ${bytes} bytes in UTF-8; the limit is ${L.bytes} (string too big).`
      });
    if (body.facets !== undefined) {
      const problem = facetProblem(body.facets, bytes);
      if (problem) refusals.push({ field: 'facets', message: problem });
    }
    if (body.embed !== undefined && !isRecord(body.embed))
      refusals.push({ field: 'embed', message: 'embed must be an object' });
    if (
      isRecord(body.embed) &&
      body.embed.$type === 'app.bsky.embed.external' &&
      !isExternalCard(body.embed)
    )
      refusals.push({
        field: 'embed',
        message:
          'a link card (app.bsky.embed.external) needs `external` with `uri`, `title` and `description`'
      });
    if (Array.isArray(body.langs) && body.langs.length > 3)
      refusals.push({ field: 'langs', message: 'langs lists at most 3 languages' });
    return refusals;
  },
  steps: [
    {
      name: 'createSession',
      request: ({ url, auth }) => ({
        method: 'POST',
        url: xrpc(url, 'com.atproto.server.createSession'),
        headers: [],
        body: { identifier: auth.identifier, password: auth.password }
      }),
      gives: { accessJwt: 'secret', did: 'public' },
      values: answer => ({
        accessJwt: textOf(jsonAt(answer.body, 'accessJwt')),
        did: textOf(jsonAt(answer.body, 'did'))
      }),
      answers: {
        failure: answer =>
          jsonAt(answer.body, 'accessJwt') && jsonAt(answer.body, 'did')
            ? undefined
            : 'no session in the answer'
      }
    },
    {
      name: 'createRecord',
      request: ({ url, headers, body }, values) => {
        const { text, ...rest } = body;
        return {
          method: 'POST',
          url: xrpc(url, 'com.atproto.repo.createRecord'),
          headers: [...headers, ['Authorization', `Bearer ${values.accessJwt}`]],
          body: {
            repo: values.did,
            collection: 'app.bsky.feed.post',
            record: {
              $type: 'app.bsky.feed.post',
              text,
              createdAt: new Date().toISOString(),
              ...(body.facets === undefined ? { facets: linkFacets(textOf(text)) } : {}),
              ...rest
            }
          }
        };
      },
      answers: {
        messageId: answer => textOf(jsonAt(answer.body, 'uri')) || null,
        // RateLimit-Reset is the end of the window, in epoch seconds.
        retryAfterMs: answer => untilReset(answer, 'ratelimit-reset')
      }
    }
  ],
  preview: body => {
    if (!isRecord(body)) return '';
    const card = isRecord(body.embed) && isRecord(body.embed.external) ? body.embed.external : {};
    const link =
      textOf(card.uri) && `[${textOf(card.title) || textOf(card.uri)}](${textOf(card.uri)})`;
    return [textOf(body.text), link].filter(Boolean).join('\n\n');
  },
  answers: {}
};
