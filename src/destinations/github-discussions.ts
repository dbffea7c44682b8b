// GitHub Discussions (`url`: the GitHub server, by default the run's; its GraphQL endpoint is
// derived): the repository's and the category's ids by name, then `createDiscussion`, with a
// token that may write discussions (the `github-token` input by default). The body is GitHub
// Markdown as written, within 65,536 characters. `update: true` edits it with `updateDiscussion`
// (SPEC §14).
import {
  graphqlErrors,
  isRecord,
  markdownTail,
  jsonAt,
  textOf,
  tooLong,
  type Destination,
  type Refusal
} from './types.js';

export const DISCUSSIONS_LIMITS = { body: 65_536, title: 256 };
const L = DISCUSSIONS_LIMITS;

/** github.com's GraphQL API is on api.github.com; a GitHub Enterprise Server's on `/api/graphql`. */
export function graphqlUrl(url: string): string {
  const base = url.replace(/\/+$/, '');
  if (/\/graphql$/.test(base)) return base;
  if (/^https:\/\/(www\.)?github\.com$/i.test(base)) return 'https://api.github.com/graphql';
  return `${base}/api/graphql`;
}

const LOOKUP = `query($owner: String!, $name: String!) {
  repository(owner: $owner, name: $name) {
    id
    hasDiscussionsEnabled
    discussionCategories(first: 100) { nodes { id name slug } }
  }
}`;

const CREATE = `mutation($repositoryId: ID!, $categoryId: ID!, $title: String!, $body: String!) {
  createDiscussion(input: {repositoryId: $repositoryId, categoryId: $categoryId, title: $title, body: $body}) {
    discussion { id number url }
  }
}`;

function categoryOf(text: string, wanted: string): { id?: string; names: string[] } {
  const nodes = jsonAt(text, 'data', 'repository', 'discussionCategories', 'nodes');
  const categories = Array.isArray(nodes) ? nodes.filter(isRecord) : [];
  const match = categories.find(
    node =>
      textOf(node.name).toLowerCase() === wanted.toLowerCase() ||
      textOf(node.slug) === wanted.toLowerCase()
  );
  return { id: match && textOf(match.id), names: categories.map(node => textOf(node.name)) };
}

const UPDATE = `mutation($discussionId: ID!, $title: String, $body: String) {
  updateDiscussion(input: {discussionId: $discussionId, title: $title, body: $body}) {
    discussion { id }
  }
}`;

export const githubDiscussions: Destination = {
  name: 'github-discussions',
  title: 'GitHub Discussions',
  dialect: 'github',
  auth: ['token'],
  authDefaults: { token: 'github-token' },
  limits: [
    {
      what: '`body`',
      limit: `${L.body}`,
      handling: 'the changelog as written (GitHub Markdown), cut only when longer'
    },
    { what: '`title`', limit: `${L.title}`, handling: 'the title' }
  ],
  message(announcement, convert) {
    const tail = markdownTail(announcement);
    const room = L.body - tail.length - 2;
    const changes =
      announcement.changes.length <= room
        ? announcement.changes
        : convert(announcement.changes, {
            maxLength: room,
            moreUrl: announcement.link || undefined
          });
    return {
      repository: announcement.repository,
      title: announcement.title,
      body: [changes, tail].filter(part => part.trim()).join('\n\n')
    };
  },
  check(body) {
    if (!isRecord(body))
      return [{ field: 'payload', message: 'GitHub Discussions takes a JSON object' }];
    const refusals: Refusal[] = [];
    if (!/^[\w.-]+\/[\w.-]+$/.test(textOf(body.repository)))
      refusals.push({
        field: 'repository',
        message: `repository must be \`owner/name\` (found "${textOf(body.repository).slice(0, 80)}")`
      });
    if (!textOf(body.category).trim())
      refusals.push({
        field: 'category',
        message:
          'GitHub Discussions needs `category`: the name of a discussion category of the repository (e.g. Announcements)'
      });
    if (!textOf(body.title).trim())
      refusals.push({ field: 'title', message: "Title can't be blank" });
    const text = textOf(body.body);
    if (!text.trim()) refusals.push({ field: 'body', message: "Body can't be blank" });
    if (text.length > L.body)
      refusals.push(
        tooLong(
          'body',
          text.length,
          L.body,
          'Body is too long. Fit the changelog with a markup filter, e.g. {{ version.changes | to_github: 60000 }}.'
        )
      );
    return refusals;
  },
  endpoint: (url, auth) => ({
    url: graphqlUrl(url),
    headers: [['Authorization', `Bearer ${auth.token}`]]
  }),
  // `update: true` edits the discussion's title and body (`updateDiscussion`).
  edit: (url, body, id) => ({
    method: 'POST',
    url,
    body: {
      query: UPDATE,
      variables: { discussionId: id, title: textOf(body.title), body: textOf(body.body) }
    }
  }),
  editGone: (_status, error) => /NOT_FOUND/.test(error ?? ''),
  steps: [
    {
      name: 'repository',
      request: ({ url, headers, body }) => {
        const [owner, name] = textOf(body.repository).split('/');
        return {
          method: 'POST',
          url,
          // The credentials only: the webhook's own headers go with the post.
          headers: headers.filter(([header]) => header === 'Authorization'),
          body: { query: LOOKUP, variables: { owner, name } }
        };
      },
      gives: { repositoryId: 'public', categoryId: 'public' },
      values: (answer, { body }) => ({
        repositoryId: textOf(jsonAt(answer.body, 'data', 'repository', 'id')),
        categoryId: categoryOf(answer.body, textOf(body.category)).id ?? ''
      }),
      refuses: (answer, { body }) => {
        if (jsonAt(answer.body, 'data', 'repository', 'hasDiscussionsEnabled') === false)
          return 'the repository has Discussions turned off (Settings → General → Features)';
        const wanted = textOf(body.category);
        const { id, names } = categoryOf(answer.body, wanted);
        return id
          ? undefined
          : `no discussion category "${wanted}" in ${textOf(body.repository)} (it has: ${names.join(', ') || 'none'})`;
      },
      answers: { failure: answer => graphqlErrors(answer.body) }
    },
    {
      name: 'createDiscussion',
      request: ({ url, headers, body }, values) => ({
        method: 'POST',
        url,
        headers,
        body: {
          query: CREATE,
          variables: {
            repositoryId: values.repositoryId,
            categoryId: values.categoryId,
            title: textOf(body.title),
            body: textOf(body.body)
          }
        }
      }),
      answers: {
        failure: answer => graphqlErrors(answer.body),
        messageId: answer =>
          textOf(jsonAt(answer.body, 'data', 'createDiscussion', 'discussion', 'id')) || null
      }
    }
  ],
  preview: body =>
    isRecord(body) ? [`**${textOf(body.title)}**`, textOf(body.body)].join('\n\n') : '',
  answers: {}
};
