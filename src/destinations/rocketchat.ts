// Rocket.Chat incoming webhooks (`{server}/hooks/{id}/{token}`): Markdown, 5,000 characters by
// default (Message_MaxAllowedSize, counted as UTF-16 units); an answer with no message id, and
// no edits (SPEC §14).
import { markdownAnnouncement } from './markdown-text.js';
import { isRecord, jsonBody, textOf, tooLong, type Destination, type Refusal } from './types.js';

export const ROCKETCHAT_LIMITS = { text: 5000 };
const L = ROCKETCHAT_LIMITS;

export const rocketchat: Destination = {
  name: 'rocketchat',
  title: 'Rocket.Chat',
  dialect: 'rocketchat',
  limits: [
    {
      what: '`text`',
      limit: `${L.text}`,
      handling: 'the changelog as Markdown, cut to fit'
    },
    {
      what: 'mentions',
      limit: '—',
      handling: '`@all` and `@here` in notes notify nobody (a zero-width space after the `@`)'
    }
  ],
  message: (announcement, convert) => markdownAnnouncement(announcement, convert, L.text),
  check(body) {
    if (!isRecord(body)) return [{ field: 'payload', message: 'Rocket.Chat takes a JSON object' }];
    const refusals: Refusal[] = [];
    const text = textOf(body.text) || textOf(body.msg);
    if (!text.trim() && !Array.isArray(body.attachments))
      refusals.push({ field: 'text', message: 'Rocket.Chat needs `text` or `attachments`' });
    if (text.length > L.text)
      refusals.push(
        tooLong(
          'text',
          text.length,
          L.text,
          'Fit the changelog with a markup filter, e.g. {{ version.changes | to_rocketchat: 4900 }} (error-message-size-exceeded).'
        )
      );
    if (body.attachments !== undefined && !Array.isArray(body.attachments))
      refusals.push({ field: 'attachments', message: 'attachments must be a list' });
    return refusals;
  },
  preview: body => (isRecord(body) ? textOf(body.text) || textOf(body.msg) : ''),
  answers: {
    // A refusal is `{"success": false, "error": "…"}`, in the answer's reason.
    failure: answer => {
      const body = jsonBody(answer.body);
      return isRecord(body) && body.success === false ? String(body.error ?? 'refused') : undefined;
    }
  }
};
