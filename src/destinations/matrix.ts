// Matrix (`url`: the homeserver): `PUT /_matrix/client/v3/rooms/{room_id}/send/m.room.message/
// {txnId}` with the bot's access token, an `m.notice` with a plain `body` and an HTML
// `formatted_body`; the transaction id is the webhook-id, so a retry or a re-run within the
// server's window is the same event. Edits are `m.replace` events (SPEC §14, §15).
import { escapeHtml, htmlLines, htmlLink } from '../markup/dialects.js';
import { fromHtml } from './preview.js';
import { isRecord, jsonBody, textOf, utf8Length, type Destination, type Refusal } from './types.js';

export const MATRIX_LIMITS = { event: 65_536, content: 60_000, body: 16_000, html: 40_000 };
const L = MATRIX_LIMITS;

/** `@room` pings the whole room in older clients' push rules: a zero-width space defuses it. */
const unpingRoom = (text: string) => text.replace(/@room\b/g, '@\u200broom');

/** The event's content: the message without the room it goes to. */
const contentOf = (message: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(message).filter(([key]) => key !== 'room_id'));

export const matrix: Destination = {
  name: 'matrix',
  title: 'Matrix',
  dialect: 'html',
  auth: ['token'],
  limits: [
    {
      what: 'event',
      limit: `${L.event} bytes (with what the server adds; the check keeps the content within ${L.content})`,
      handling: `the changelog as HTML within ${L.html} characters, and as text within ${L.body}`
    },
    {
      what: 'mentions',
      limit: '—',
      handling: '`m.mentions` is empty: nobody is pinged; `@room` in notes is text'
    }
  ],
  message(announcement, convert) {
    const { title, link, size } = announcement;
    const more = { moreUrl: link || undefined };
    const text = convert(announcement.changes, { maxLength: L.body, ...more }, 'text');
    const html = htmlLines(convert(announcement.changes, { maxLength: L.html, ...more }));
    const head = link ? htmlLink(link, escapeHtml(title)) : escapeHtml(title);
    return {
      msgtype: 'm.notice',
      body: unpingRoom(
        [title, text, [link, size].filter(Boolean).join(' · ')].filter(Boolean).join('\n\n')
      ),
      format: 'org.matrix.custom.html',
      formatted_body: unpingRoom(
        [`<h3>${head}</h3>`, html, size ? `<p>${escapeHtml(size)}</p>` : '']
          .filter(Boolean)
          .join('\n')
      ),
      'm.mentions': {}
    };
  },
  check(body) {
    if (!isRecord(body)) return [{ field: 'payload', message: 'Matrix takes a JSON object' }];
    const refusals: Refusal[] = [];
    const room = textOf(body.room_id);
    if (!room)
      refusals.push({
        field: 'room_id',
        message:
          'Matrix needs `room_id` in the payload: the room id (`!abc:example.org`, in Element under Room settings → Advanced), which the bot has joined'
      });
    else if (!room.startsWith('!'))
      refusals.push({
        field: 'room_id',
        message: `\`${room.slice(0, 80)}\` is not a room id: give the id that starts with \`!\` (an alias \`#name:server\` is not taken here; M_FORBIDDEN "Unknown room")`
      });
    if (!textOf(body.msgtype) || typeof body.body !== 'string' || !body.body.trim())
      refusals.push({
        field: 'body',
        message: 'M_BAD_JSON: an m.room.message needs `msgtype` and `body`'
      });
    if ((body.format === undefined) !== (body.formatted_body === undefined))
      refusals.push({
        field: 'format',
        message: '`format` and `formatted_body` go together (format: org.matrix.custom.html)'
      });
    const bytes = utf8Length(JSON.stringify(contentOf(body)));
    if (bytes > L.content)
      refusals.push({
        field: 'payload',
        message: `the event is ${bytes} bytes; Matrix refuses an event over ${L.event} bytes with what the server adds (M_TOO_LARGE), so keep it within ${L.content}. Fit the changelog with a markup filter, e.g. {{ version.changes | to_html: 20000 }}.`
      });
    return refusals;
  },
  endpoint: (url, auth, webhookId, message) => ({
    method: 'PUT',
    url: `${url.replace(/\/+$/, '')}/_matrix/client/v3/rooms/${encodeURIComponent(textOf(message.room_id))}/send/m.room.message/${encodeURIComponent(webhookId)}`,
    headers: [['Authorization', `Bearer ${auth.token}`]],
    body: contentOf(message)
  }),
  // An edit is an event of its own (this event's transaction id), replacing the first one.
  edit: (url, body, id) => {
    const content = Object.fromEntries(
      Object.entries(body).filter(([key]) => key !== 'm.mentions')
    );
    return {
      method: 'PUT',
      url,
      body: {
        ...content,
        body: `* ${textOf(body.body)}`,
        'm.new_content': content,
        'm.relates_to': { rel_type: 'm.replace', event_id: id },
        'm.mentions': {}
      }
    };
  },
  preview: body =>
    isRecord(body)
      ? typeof body.formatted_body === 'string'
        ? fromHtml(body.formatted_body)
        : textOf(body.body)
      : '',
  answers: {
    messageId: answer => {
      const body = jsonBody(answer.body);
      return isRecord(body) && typeof body.event_id === 'string' ? body.event_id : null;
    },
    retryAfterMs: answer => {
      const body = jsonBody(answer.body);
      return isRecord(body) && typeof body.retry_after_ms === 'number'
        ? body.retry_after_ms
        : undefined;
    }
  }
};
