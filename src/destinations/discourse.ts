// Discourse (`url`: the forum): `POST /posts.json` with an API key and the user it acts as, a new
// topic whose title is 15 to 255 characters and whose Markdown post is 20 to 32,000 (the sites'
// defaults), in the category given by its numeric id. Edits are `PUT /posts/{id}.json` (SPEC §14).
import {
  cutLine,
  isRecord,
  markdownTail,
  jsonBody,
  textOf,
  tooLong,
  type Destination,
  type Refusal
} from './types.js';

export const DISCOURSE_LIMITS = { titleMin: 15, title: 255, rawMin: 20, raw: 32_000 };
const L = DISCOURSE_LIMITS;

export const discourse: Destination = {
  name: 'discourse',
  title: 'Discourse',
  dialect: 'discourse',
  auth: ['api_key', 'api_username'],
  limits: [
    {
      what: '`title`',
      limit: `${L.titleMin}–${L.title}`,
      handling: '`<name> <label> released` when the title is short; cut when long'
    },
    {
      what: '`raw`',
      limit: `${L.rawMin}–${L.raw}`,
      handling: 'the changelog as Markdown, cut to fit'
    },
    {
      what: 'mentions',
      limit: '—',
      handling: '`@here`, `@all` and `@channel` in notes notify nobody (a zero-width space)'
    }
  ],
  message(announcement, convert) {
    const title =
      announcement.title.length < L.titleMin
        ? `${announcement.title} released`
        : cutLine(announcement.title, L.title);
    const tail = markdownTail(announcement);
    const changes = convert(announcement.changes, {
      maxLength: L.raw - tail.length - 2,
      moreUrl: announcement.link || undefined
    });
    return { title, raw: [changes, tail].filter(part => part.trim()).join('\n\n') };
  },
  check(body) {
    if (!isRecord(body)) return [{ field: 'payload', message: 'Discourse takes a JSON object' }];
    const refusals: Refusal[] = [];
    const title = textOf(body.title).trim();
    const raw = textOf(body.raw).trim();
    if (body.topic_id === undefined) {
      if (title.length < L.titleMin)
        refusals.push({
          field: 'title',
          message: `Title is too short (minimum is ${L.titleMin} characters): "${title}"`
        });
      if (title.length > L.title)
        refusals.push(tooLong('title', title.length, L.title, 'Shorten the title.'));
      const category = body.category;
      if (category === undefined)
        refusals.push({
          field: 'category',
          message:
            'Discourse needs `category`: the numeric id of the category (the number at the end of its address, …/c/announcements/5)'
        });
      else if (!/^\d+$/.test(String(category)))
        refusals.push({
          field: 'category',
          message: `You supplied invalid parameters to the request: category (\`${String(category).slice(0, 60)}\` is a name; give the category's numeric id)`
        });
    }
    if (raw.length < L.rawMin)
      refusals.push({
        field: 'raw',
        message: `Body is too short (minimum is ${L.rawMin} characters)`
      });
    if (raw.length > L.raw)
      refusals.push(
        tooLong(
          'raw',
          raw.length,
          L.raw,
          `Fit the changelog with a markup filter, e.g. {{ version.changes | to_discourse: ${L.raw - 1000} }}.`
        )
      );
    if (body.external_id !== undefined && !/^[\w-]{1,50}$/.test(textOf(body.external_id)))
      refusals.push({
        field: 'external_id',
        message: 'external_id is letters, digits, `_` and `-` only, at most 50 (no dots: v1-2-3)'
      });
    return refusals;
  },
  // The webhook-id as `external_id`: the topic can be found again by it, and a second one with
  // the same id is refused.
  endpoint: (url, auth, webhookId, message) => ({
    url: `${url.replace(/\/+$/, '')}/posts.json`,
    headers: [
      ['Api-Key', auth.api_key],
      ['Api-Username', auth.api_username]
    ],
    body: { external_id: `rw-${webhookId}`, ...message }
  }),
  edit: (url, body, id) => ({
    method: 'PUT',
    url: url.replace(/\/posts\.json$/, `/posts/${encodeURIComponent(id)}.json`),
    body: {
      ...(body.title === undefined ? {} : { title: body.title }),
      post: { raw: body.raw, edit_reason: 'release update' }
    }
  }),
  editGone: status => status === 404,
  preview: body =>
    isRecord(body) ? [`**${textOf(body.title)}**`, textOf(body.raw)].join('\n\n') : '',
  answers: {
    messageId: answer => {
      const body = jsonBody(answer.body);
      return isRecord(body) && (typeof body.id === 'number' || typeof body.id === 'string')
        ? String(body.id)
        : null;
    },
    // A post held for a moderator's approval has no id: it was not published.
    failure: answer => {
      const body = jsonBody(answer.body);
      return isRecord(body) && body.action === 'enqueued'
        ? 'the post is waiting for a moderator (the API user needs a higher trust level to post at once)'
        : undefined;
    },
    retryAfterMs: answer => {
      const body = jsonBody(answer.body);
      const extras = isRecord(body) && isRecord(body.extras) ? body.extras : undefined;
      return typeof extras?.wait_seconds === 'number' ? extras.wait_seconds * 1000 : undefined;
    }
  }
};
