// LinkedIn (`url`: https://api.linkedin.com by default): `POST /rest/posts` with a member's or an
// organization's token and the author's URN, the versioned API's headers, and a `commentary` in
// LinkedIn's "little text" within 3,000 characters, its reserved characters escaped: LinkedIn cuts
// a post silently at the first one left bare (SPEC §14).
import { isRecord, textOf, type Destination, type Refusal } from './types.js';

export const LINKEDIN_LIMITS = { commentary: 3000 };
const L = LINKEDIN_LIMITS;
/** The API version a post is made with, unless the payload's `version` names another. */
export const LINKEDIN_VERSION = '202610';

const RESERVED = /[\\|{}@[\]()<>#*_~]/g;
/** Text as little text reads it back: each reserved character escaped. */
export const littleText = (text: string) => text.replace(RESERVED, '\\$&');

/** What little text means on purpose: a mention `@[Name](urn:li:…)` and a hashtag template. */
const MARKUP = /@\[[^\]]*\]\(urn:li:[^)]+\)|\{hashtag\|\\#\|[^}]*\}/g;
/** A reserved character left bare, where LinkedIn would cut the post. */
function bareReserved(text: string): { char: string; at: number } | undefined {
  const plain = text.replace(MARKUP, match => ' '.repeat(match.length));
  for (let at = 0; at < plain.length; at++) {
    if (plain[at] === '\\') {
      at++;
      continue;
    }
    if (/[|{}@[\]()<>#*_~]/.test(plain[at])) return { char: plain[at], at };
  }
  return undefined;
}

export const linkedin: Destination = {
  name: 'linkedin',
  title: 'LinkedIn',
  dialect: 'text',
  auth: ['token', 'author'],
  limits: [
    {
      what: '`commentary`',
      limit: `${L.commentary}, reserved characters escaped`,
      handling: 'the changelog as plain text, escaped, cut to fit'
    }
  ],
  message(announcement, convert) {
    const { title, link } = announcement;
    const head = littleText(title);
    const tail = link ? littleText(link) : '';
    const changes = littleText(
      convert(announcement.changes, {
        maxLength: L.commentary - head.length - tail.length - 4,
        measure: text => littleText(text).length
      })
    );
    return { commentary: [head, changes, tail].filter(Boolean).join('\n\n') };
  },
  check(body) {
    if (!isRecord(body)) return [{ field: 'payload', message: 'LinkedIn takes a JSON object' }];
    const refusals: Refusal[] = [];
    const commentary = textOf(body.commentary);
    if (!commentary.trim())
      refusals.push({
        field: 'commentary',
        message: '/commentary :: field is required but not found and has no default value'
      });
    if (commentary.length > L.commentary)
      refusals.push({
        field: 'commentary',
        message: `commentary is ${commentary.length} characters long; the limit is ${L.commentary}.`
      });
    const bare = bareReserved(commentary);
    if (bare)
      refusals.push({
        field: 'commentary',
        message: `\`${bare.char}\` at ${bare.at} is a reserved character of LinkedIn's little text: LinkedIn would cut the post there. Escape it as \\${bare.char}.`
      });
    if (body.version !== undefined && !/^\d{6}$/.test(textOf(body.version)))
      refusals.push({ field: 'version', message: 'version is the API version, YYYYMM' });
    return refusals;
  },
  endpoint: (url, auth, _webhookId, message) => {
    const { version, ...post } = message;
    return {
      url: `${url.replace(/\/+$/, '')}/rest/posts`,
      headers: [
        ['Authorization', `Bearer ${auth.token}`],
        ['LinkedIn-Version', textOf(version) || LINKEDIN_VERSION],
        ['X-Restli-Protocol-Version', '2.0.0']
      ],
      body: {
        author: auth.author,
        visibility: 'PUBLIC',
        distribution: {
          feedDistribution: 'MAIN_FEED',
          targetEntities: [],
          thirdPartyDistributionChannels: []
        },
        lifecycleState: 'PUBLISHED',
        isReshareDisabledByAuthor: false,
        ...post
      }
    };
  },
  preview: body => (isRecord(body) ? textOf(body.commentary).replace(/\\(.)/g, '$1') : ''),
  answers: {
    // A post's URN comes in a header, `x-restli-id`, percent-encoded.
    messageId: answer => {
      const id = answer.headers['x-restli-id'];
      const value = Array.isArray(id) ? id[0] : id;
      return value ? decodeURIComponent(value) : null;
    }
  }
};
