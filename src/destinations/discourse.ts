// Discourse (`url`: the forum): `POST /posts.json` with an API key and the user it acts as, a new
// topic whose title is 15 to 255 characters and whose Markdown post is 20 to 32,000 (the sites'
// defaults), in a category Discourse knows by its id: a name is looked up first
// (`/categories.json`). Edits are `PUT /posts/{id}.json` (SPEC §14, §15).
import {
  cutLine,
  isRecord,
  jsonAt,
  jsonBody,
  markdownTail,
  textOf,
  tooLong,
  type AnswerReader,
  type Destination,
  type Refusal
} from './types.js';

export const DISCOURSE_LIMITS = { titleMin: 15, title: 255, rawMin: 20, raw: 32_000 };
const L = DISCOURSE_LIMITS;

const isCategoryId = (category: unknown) => /^\d+$/.test(String(category ?? '').trim());

/** The category named `wanted` (its name, any case, or its slug) in `/categories.json`. */
function categoryNamed(text: string, wanted: string): { id?: number; names: string[] } {
  const listed = jsonAt(text, 'category_list', 'categories');
  const categories = (Array.isArray(listed) ? listed : [])
    .filter(isRecord)
    .flatMap(category => [
      category,
      ...(Array.isArray(category.subcategory_list)
        ? category.subcategory_list.filter(isRecord)
        : [])
    ]);
  const match = categories.find(
    category =>
      textOf(category.name).toLowerCase() === wanted.trim().toLowerCase() ||
      textOf(category.slug) === wanted.trim().toLowerCase()
  );
  return {
    id: typeof match?.id === 'number' ? match.id : undefined,
    names: categories.map(category => textOf(category.name))
  };
}

const discourseAnswers: AnswerReader = {
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
};

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
      if (body.category === undefined || String(body.category).trim() === '')
        refusals.push({
          field: 'category',
          message:
            "Discourse needs `category`: the category's name, or its numeric id (the number at the end of its address, …/c/announcements/5)"
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
  steps: [
    {
      // A category given by name is looked up: Discourse takes only its id.
      name: 'categories',
      needed: ({ body }) => !isCategoryId(body.category),
      request: ({ url, headers }) => ({
        method: 'GET',
        url: url.replace(/\/posts\.json$/, '/categories.json?include_subcategories=true'),
        headers: headers.filter(([name]) => /^api-/i.test(name))
      }),
      gives: { category_id: 'public' },
      values: (answer, { body }) => ({
        category_id: String(categoryNamed(answer.body, textOf(body.category)).id ?? '')
      }),
      refuses: (answer, { body }) => {
        const wanted = textOf(body.category);
        const { id, names } = categoryNamed(answer.body, wanted);
        return id === undefined
          ? `no category "${wanted}" (the forum has: ${names.join(', ') || 'none the API user can see'})`
          : undefined;
      },
      answers: {}
    },
    {
      name: 'post',
      request: ({ url, headers, body }, values) => ({
        method: 'POST',
        url,
        headers,
        body: values.category_id ? { ...body, category: Number(values.category_id) } : body
      }),
      answers: discourseAnswers
    }
  ],
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
  answers: discourseAnswers
};
