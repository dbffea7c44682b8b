// Zulip (`url`: the organization): `POST /api/v1/messages`, a form with the bot's email and API
// key as Basic credentials, a stream message whose `topic` is at most 60 characters and whose
// Markdown `content` is at most 10,000 (Zulip counts code points and cuts longer ones silently, so
// the check refuses them). Edits are `PATCH /api/v1/messages/{id}` (SPEC §14, §15).
import {
  basicAuth,
  cutLine,
  isRecord,
  jsonBody,
  markdownTail,
  textOf,
  type Destination,
  type Refusal
} from './types.js';

export const ZULIP_LIMITS = { content: 10_000, topic: 60 };
const L = ZULIP_LIMITS;

const codePoints = (text: string) => [...text].length;

export const zulip: Destination = {
  name: 'zulip',
  title: 'Zulip',
  dialect: 'zulip',
  auth: ['email', 'api_key'],
  format: 'form',
  limits: [
    {
      what: '`content`',
      limit: `${L.content} (code points; Zulip cuts longer ones silently)`,
      handling: 'the changelog as Markdown, cut to fit'
    },
    { what: '`topic`', limit: `${L.topic}`, handling: 'the title, cut' },
    {
      what: 'mentions',
      limit: '—',
      handling: '`@**all**`-style mentions in notes notify nobody (a zero-width space)'
    }
  ],
  message(announcement, convert) {
    const tail = markdownTail(announcement);
    const head = `**${announcement.title}**`;
    const changes = convert(announcement.changes, {
      maxLength: L.content - head.length - tail.length - 4,
      moreUrl: announcement.link || undefined,
      measure: codePoints
    });
    return {
      type: 'stream',
      topic: cutLine(announcement.title, L.topic),
      content: [head, changes, tail].filter(part => part.trim()).join('\n\n')
    };
  },
  check(body) {
    if (!isRecord(body)) return [{ field: 'payload', message: 'Zulip takes a JSON object' }];
    const refusals: Refusal[] = [];
    if (body.to === undefined || String(body.to).trim() === '')
      refusals.push({
        field: 'to',
        message: "Zulip needs `to`: the channel's name or id (Missing 'to' argument)"
      });
    const content = textOf(body.content);
    if (!content.trim()) refusals.push({ field: 'content', message: 'Message must not be empty' });
    const length = codePoints(content);
    if (length > L.content)
      refusals.push({
        field: 'content',
        message: `content is ${length} characters long; Zulip cuts a message over ${L.content} with "[message truncated]". Fit the changelog with a markup filter, e.g. {{ version.changes | to_zulip: 9000 }}.`
      });
    const topic = textOf(body.topic);
    if (codePoints(topic) > L.topic)
      refusals.push({
        field: 'topic',
        message: `topic is ${codePoints(topic)} characters long; Zulip cuts a topic over ${L.topic} with "...". Shorten it, e.g. {{ app.name | truncate: 60 }}.`
      });
    return refusals;
  },
  endpoint: (url, auth) => ({
    url: `${url.replace(/\/+$/, '')}/api/v1/messages`,
    headers: [['Authorization', basicAuth(auth.email, auth.api_key)]]
  }),
  edit: (url, body, id) => ({
    method: 'PATCH',
    url: `${url}/${encodeURIComponent(id)}`,
    body: Object.fromEntries(
      Object.entries(body).filter(([key]) => key === 'content' || key === 'topic')
    )
  }),
  editGone: (status, error) =>
    status === 400 && /Invalid message|INVALID_MESSAGE/i.test(error ?? ''),
  preview: body =>
    isRecord(body) ? [`**${textOf(body.topic)}**`, textOf(body.content)].join('\n\n') : '',
  answers: {
    messageId: answer => {
      const body = jsonBody(answer.body);
      return isRecord(body) && typeof body.id === 'number' ? String(body.id) : null;
    },
    failure: answer => {
      const body = jsonBody(answer.body);
      return isRecord(body) && body.result === 'error' ? textOf(body.msg) || 'error' : undefined;
    },
    // `retry-after` in the body is in seconds, a fraction allowed.
    retryAfterMs: answer => {
      const body = jsonBody(answer.body);
      const wait = isRecord(body) ? body['retry-after'] : undefined;
      return typeof wait === 'number' ? Math.ceil(wait * 1000) : undefined;
    }
  }
};
