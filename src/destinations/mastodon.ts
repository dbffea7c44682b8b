// Mastodon (`url`: the instance): `POST /api/v1/statuses` with the account's token, plain text
// within 500 characters as Mastodon counts them (graphemes, spoiler text included, every URL 23,
// `@user@domain` as `@user`), the webhook-id as its Idempotency-Key (SPEC §14).
import {
  graphemes,
  isRecord,
  jsonBody,
  textOf,
  unmention,
  type Destination,
  type Refusal
} from './types.js';

export const MASTODON_LIMITS = { status: 500, url: 23 };
const L = MASTODON_LIMITS;
const URL_IN_TEXT = /https?:\/\/[^\s<>"]+/g;

/** A status's length as Mastodon's StatusLengthValidator counts it. */
export function mastodonLength(text: string): number {
  const counted = text.replace(URL_IN_TEXT, 'x'.repeat(L.url)).replace(/(@\w+)@[\w.-]+\w/g, '$1');
  return graphemes(counted).length;
}

export const mastodon: Destination = {
  name: 'mastodon',
  title: 'Mastodon',
  dialect: 'text',
  auth: ['token'],
  limits: [
    {
      what: '`status`',
      limit: `${L.status} (graphemes; a URL counts ${L.url})`,
      handling: 'the changelog as plain text, cut to fit'
    },
    {
      what: 'mentions',
      limit: '—',
      handling: '`@names` in notes mention nobody (a zero-width space after the `@`)'
    }
  ],
  message(announcement, convert) {
    const head = announcement.title;
    const tail = announcement.link;
    const room = L.status - mastodonLength(head) - (tail ? L.url + 2 : 0) - 2;
    // Measured as it will be sent, zero-width spaces included.
    const changes = unmention(
      convert(announcement.changes, {
        maxLength: room,
        measure: text => mastodonLength(unmention(text))
      })
    );
    return { status: [head, changes, tail].filter(part => part.trim()).join('\n\n') };
  },
  check(body) {
    if (!isRecord(body)) return [{ field: 'payload', message: 'Mastodon takes a JSON object' }];
    const refusals: Refusal[] = [];
    const text = textOf(body.status);
    const length = mastodonLength(textOf(body.spoiler_text) + text);
    if (!text.trim() && !Array.isArray(body.media_ids))
      refusals.push({ field: 'status', message: "Validation failed: Text can't be blank" });
    else if (length > L.status)
      refusals.push({
        field: 'status',
        message: `status is ${length} characters as Mastodon counts them (a URL counts ${L.url}); the limit is ${L.status}. Fit the changelog with a markup filter, e.g. {{ version.changes | to_text: 300 }}.`
      });
    return refusals;
  },
  endpoint: (url, auth, webhookId) => ({
    url: `${url.replace(/\/+$/, '')}/api/v1/statuses`,
    headers: [
      ['Authorization', `Bearer ${auth.token}`],
      ['Idempotency-Key', webhookId]
    ]
  }),
  edit: (url, body, id) => ({
    method: 'PUT',
    url: `${url}/${encodeURIComponent(id)}`,
    body: Object.fromEntries(
      Object.entries(body).filter(([key]) =>
        ['status', 'spoiler_text', 'sensitive', 'language', 'media_ids', 'poll'].includes(key)
      )
    )
  }),
  editGone: status => status === 404,
  preview: body => (isRecord(body) ? textOf(body.status) : ''),
  answers: {
    messageId: answer => {
      const body = jsonBody(answer.body);
      return isRecord(body) && typeof body.id === 'string' ? body.id : null;
    }
  }
};
