// Open Collective (`url`: its GraphQL API v2 by default): `createUpdate` writes a draft of the
// collective's update in HTML, then `publishUpdate` publishes it and notifies its audience, with a
// personal token that has the `updates` scope (SPEC §14).
import { escapeHtml, htmlLines, htmlLink } from '../markup/dialects.js';
import { fromHtml } from './preview.js';
import {
  graphqlErrors,
  isRecord,
  jsonAt,
  textOf,
  type Destination,
  type Refusal
} from './types.js';

export const OPENCOLLECTIVE_LIMITS = { html: 100_000 };
const L = OPENCOLLECTIVE_LIMITS;
const AUDIENCES = ['ALL', 'COLLECTIVE_ADMINS', 'FINANCIAL_CONTRIBUTORS', 'NO_ONE'];

const CREATE = `mutation($update: UpdateCreateInput!) {
  createUpdate(update: $update) { id slug publishedAt }
}`;
const PUBLISH = `mutation($id: String!, $audience: UpdateAudience) {
  publishUpdate(id: $id, notificationAudience: $audience) { id slug publishedAt }
}`;

const headersOf = (token: string): Array<[string, string]> => [['Personal-Token', token]];

export const opencollective: Destination = {
  name: 'opencollective',
  title: 'Open Collective',
  dialect: 'html',
  auth: ['token'],
  limits: [{ what: '`html`', limit: '—', handling: 'the changelog as HTML' }],
  message(announcement, convert) {
    const { link, size } = announcement;
    const changes = htmlLines(
      convert(announcement.changes, { maxLength: L.html, moreUrl: link || undefined })
    );
    const tail = [link ? htmlLink(link, 'Release notes') : '', escapeHtml(size)]
      .filter(Boolean)
      .join(' · ');
    return {
      title: announcement.title,
      html: [changes, tail ? `<p>${tail}</p>` : ''].filter(Boolean).join('\n')
    };
  },
  check(body) {
    if (!isRecord(body))
      return [{ field: 'payload', message: 'Open Collective takes a JSON object' }];
    const refusals: Refusal[] = [];
    if (!textOf(body.collective).trim())
      refusals.push({
        field: 'collective',
        message:
          "Open Collective needs `collective`: the collective's slug (opencollective.com/<slug>)"
      });
    if (!textOf(body.title).trim()) refusals.push({ field: 'title', message: 'title is required' });
    if (!textOf(body.html).trim()) refusals.push({ field: 'html', message: 'html is required' });
    if (body.audience !== undefined && !AUDIENCES.includes(textOf(body.audience)))
      refusals.push({
        field: 'audience',
        message: `audience is one of ${AUDIENCES.join(', ')}`
      });
    return refusals;
  },
  steps: [
    {
      name: 'createUpdate',
      request: ({ url, auth, body }) => ({
        method: 'POST',
        url,
        headers: headersOf(auth.token),
        body: {
          query: CREATE,
          variables: {
            update: {
              title: textOf(body.title),
              html: textOf(body.html),
              account: { slug: textOf(body.collective) }
            }
          }
        }
      }),
      gives: { updateId: 'public' },
      values: answer => ({ updateId: textOf(jsonAt(answer.body, 'data', 'createUpdate', 'id')) }),
      answers: { failure: answer => graphqlErrors(answer.body) }
    },
    {
      name: 'publishUpdate',
      request: ({ url, auth, headers, body }, values) => ({
        method: 'POST',
        url,
        headers: [...headers, ...headersOf(auth.token)],
        body: {
          query: PUBLISH,
          variables: {
            id: values.updateId,
            ...(body.audience === undefined ? {} : { audience: textOf(body.audience) })
          }
        }
      }),
      answers: {
        failure: answer => graphqlErrors(answer.body),
        messageId: answer => textOf(jsonAt(answer.body, 'data', 'publishUpdate', 'id')) || null
      }
    }
  ],
  preview: body =>
    isRecord(body) ? [`**${textOf(body.title)}**`, fromHtml(textOf(body.html))].join('\n\n') : '',
  answers: {}
};
