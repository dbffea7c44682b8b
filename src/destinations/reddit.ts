// Reddit (`url`: https://oauth.reddit.com by default): a script app's token for the account, then
// `POST /api/submit`, a text post whose title is at most 300 characters and whose Markdown text is
// at most 40,000. Reddit refuses with `json.errors` in a 200 answer (SPEC §14).
import { USER_AGENT } from '../version.js';
import {
  basicAuth,
  cutLine,
  isRecord,
  jsonAt,
  textOf,
  tooLong,
  type Destination,
  type Refusal
} from './types.js';

export const REDDIT_LIMITS = { title: 300, text: 40_000 };
const L = REDDIT_LIMITS;

/** The token comes from www.reddit.com; another `url` (a proxy, a test) serves both. */
export function tokenUrl(url: string): string {
  const base = url.replace(/\/+$/, '');
  return /^https:\/\/oauth\.reddit\.com$/i.test(base) ? 'https://www.reddit.com' : base;
}

/** Reddit throttles generic user agents: it asks for `platform:app:version (by /u/name)`. */
const userAgent = (username: string) =>
  `github-actions:${USER_AGENT.replace('/', ':')} (by /u/${username})`;

/** `[[NAME, message, field], …]` in `json.errors`. */
function redditErrors(text: string): string | undefined {
  const errors = jsonAt(text, 'json', 'errors');
  if (!Array.isArray(errors) || errors.length === 0) return undefined;
  return errors
    .map(error =>
      Array.isArray(error)
        ? `${String(error[0])}: ${String(error[1])}${error[2] ? ` (${String(error[2])})` : ''}`
        : String(error)
    )
    .join('; ');
}

export const reddit: Destination = {
  name: 'reddit',
  title: 'Reddit',
  dialect: 'github',
  auth: ['client_id', 'client_secret', 'username', 'password'],
  limits: [
    { what: '`title`', limit: `${L.title}`, handling: 'the title, cut' },
    { what: '`text`', limit: `${L.text}`, handling: 'the changelog as Markdown, cut to fit' }
  ],
  message(announcement, convert) {
    const tail = announcement.link ? `[Release notes](${announcement.link})` : '';
    const changes = convert(announcement.changes, {
      maxLength: L.text - tail.length - 2,
      moreUrl: announcement.link || undefined
    });
    return {
      kind: 'self',
      title: cutLine(announcement.title, L.title),
      text: [changes, tail].filter(part => part.trim()).join('\n\n')
    };
  },
  check(body) {
    if (!isRecord(body)) return [{ field: 'payload', message: 'Reddit takes a JSON object' }];
    const refusals: Refusal[] = [];
    const sr = textOf(body.sr);
    if (!sr.trim())
      refusals.push({ field: 'sr', message: 'Reddit needs `sr`: the subreddit, without r/' });
    else if (/^\/?r\//i.test(sr))
      refusals.push({
        field: 'sr',
        message: `sr is the subreddit's name without r/ (found "${sr}")`
      });
    const title = textOf(body.title);
    if (!title.trim())
      refusals.push({ field: 'title', message: 'NO_TEXT: we need something here' });
    if (title.length > L.title)
      refusals.push(tooLong('title', title.length, L.title, 'Shorten the title (TOO_LONG).'));
    const text = textOf(body.text);
    if (text.length > L.text)
      refusals.push(
        tooLong(
          'text',
          text.length,
          L.text,
          'Fit the changelog with a markup filter, e.g. {{ version.changes | to_github: 39000 }} (TOO_LONG).'
        )
      );
    if (body.kind !== 'self' && body.kind !== 'link')
      refusals.push({ field: 'kind', message: 'kind is `self` (a text post) or `link`' });
    if (body.kind === 'link' && !/^https?:\/\//.test(textOf(body.url)))
      refusals.push({ field: 'url', message: 'NO_URL: a link post needs `url`' });
    return refusals;
  },
  steps: [
    {
      name: 'access_token',
      request: ({ url, auth }) => ({
        method: 'POST',
        url: `${tokenUrl(url)}/api/v1/access_token`,
        headers: [
          ['Authorization', basicAuth(auth.client_id, auth.client_secret)],
          ['User-Agent', userAgent(auth.username)]
        ],
        body: { grant_type: 'password', username: auth.username, password: auth.password },
        form: true
      }),
      gives: { access_token: 'secret' },
      values: answer => ({ access_token: textOf(jsonAt(answer.body, 'access_token')) }),
      // A wrong password is a 200 with `{"error": "invalid_grant"}`.
      refuses: answer => {
        const error = jsonAt(answer.body, 'error');
        if (error === 'invalid_grant')
          return 'invalid_grant: the username or password is wrong (or the account has two-factor authentication)';
        if (error) return String(error);
        return jsonAt(answer.body, 'access_token') ? undefined : 'no access_token in the answer';
      },
      answers: {}
    },
    {
      name: 'submit',
      request: ({ url, auth, headers, body }, values) => ({
        method: 'POST',
        url: `${url.replace(/\/+$/, '')}/api/submit`,
        headers: [
          ...headers,
          ['Authorization', `bearer ${values.access_token}`],
          ['User-Agent', userAgent(auth.username)]
        ],
        body: { api_type: 'json', ...body },
        form: true
      }),
      answers: {
        failure: answer => redditErrors(answer.body),
        messageId: answer => textOf(jsonAt(answer.body, 'json', 'data', 'name')) || null
      }
    }
  ],
  preview: body =>
    isRecord(body) ? [`**${textOf(body.title)}**`, textOf(body.text)].join('\n\n') : '',
  answers: {}
};
