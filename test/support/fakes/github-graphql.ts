// GitHub's GraphQL API for Discussions on 127.0.0.1 (`/api/graphql`, as on a GitHub Enterprise
// Server): `repository` with its discussion categories, and `createDiscussion`, refusing as GitHub
// does: a missing or wrong token with a 401 `Bad credentials`, an unknown repository with a
// NOT_FOUND error, a token without `discussions: write` with FORBIDDEN, unknown ids, a body over
// 65,536 characters — errors in a 200 answer's `errors`. `updateDiscussion` edits one.
import { startReceiver } from '../receiver.js';
import { json, type Fake } from './fake.js';

export interface Discussion {
  id: string;
  repositoryId: string;
  categoryId: string;
  title: string;
  body: string;
  edits: number;
}

export const DISCUSSIONS_TOKEN = 'ghs_discussions_write';
/** A token that may read the repository but not write discussions. */
export const READ_ONLY_TOKEN = 'ghs_contents_read';
export const DISCUSSIONS_REPOSITORY = 'space/rocks';
const REPOSITORY_ID = 'R_kgDOspace';
const CATEGORIES = [
  { id: 'DIC_kwDOannounce', name: 'Announcements', slug: 'announcements' },
  { id: 'DIC_kwDOgeneral', name: 'General', slug: 'general' }
];

export async function startGitHubGraphql(): Promise<Fake<Discussion>> {
  const messages: Discussion[] = [];
  let next = 1;
  const receiver = await startReceiver((request, response) => {
    const token = /^Bearer (.+)$/i.exec(String(request.headers.authorization ?? ''))?.[1];
    if (!token || ![DISCUSSIONS_TOKEN, READ_ONLY_TOKEN].includes(token))
      return json(response, 401, {
        message: 'Bad credentials',
        documentation_url: 'https://docs.github.com/graphql'
      });
    if (request.method !== 'POST' || request.url !== '/api/graphql')
      return json(response, 404, { message: 'Not Found' });
    const { query, variables } = JSON.parse(request.text || '{}') as {
      query: string;
      variables: Record<string, string>;
    };
    const failed = (path: string, type: string, message: string) =>
      json(response, 200, {
        data: { [path]: null },
        errors: [{ type, path: [path], locations: [{ line: 2, column: 3 }], message }]
      });
    if (/^\s*query/.test(query) && /repository\(/.test(query)) {
      const name = `${variables.owner}/${variables.name}`;
      if (name !== DISCUSSIONS_REPOSITORY)
        return failed(
          'repository',
          'NOT_FOUND',
          `Could not resolve to a Repository with the name '${name}'.`
        );
      return json(response, 200, {
        data: {
          repository: {
            id: REPOSITORY_ID,
            hasDiscussionsEnabled: true,
            discussionCategories: { nodes: CATEGORIES }
          }
        }
      });
    }
    if (/^\s*mutation/.test(query) && /createDiscussion\(/.test(query)) {
      if (token === READ_ONLY_TOKEN)
        return json(response, 200, {
          data: { createDiscussion: null },
          errors: [
            {
              type: 'FORBIDDEN',
              path: ['createDiscussion'],
              extensions: { saml_failure: false },
              locations: [{ line: 2, column: 3 }],
              message: 'Resource not accessible by integration'
            }
          ]
        });
      if (
        variables.repositoryId !== REPOSITORY_ID ||
        !CATEGORIES.some(c => c.id === variables.categoryId)
      )
        return failed(
          'createDiscussion',
          'NOT_FOUND',
          `Could not resolve to a node with the global id of '${variables.categoryId}'`
        );
      if (!variables.title?.trim())
        return failed('createDiscussion', 'UNPROCESSABLE', "Title can't be blank");
      if ((variables.body ?? '').length > 65_536)
        return failed(
          'createDiscussion',
          'UNPROCESSABLE',
          'Body is too long (maximum is 65536 characters)'
        );
      const discussion = { id: `D_kwDO${next++}`, ...variables, edits: 0 } as unknown as Discussion;
      messages.push(discussion);
      return json(response, 200, {
        data: {
          createDiscussion: {
            discussion: {
              id: discussion.id,
              number: next,
              url: `https://github.example/${DISCUSSIONS_REPOSITORY}/discussions/${next}`
            }
          }
        }
      });
    }
    if (/^\s*mutation/.test(query) && /updateDiscussion\(/.test(query)) {
      const discussion = messages.find(m => m.id === variables.discussionId);
      if (!discussion)
        return failed(
          'updateDiscussion',
          'NOT_FOUND',
          `Could not resolve to a node with the global id of '${variables.discussionId}'`
        );
      if (variables.title !== undefined) discussion.title = variables.title;
      if (variables.body !== undefined) discussion.body = variables.body;
      discussion.edits++;
      return json(response, 200, {
        data: { updateDiscussion: { discussion: { id: discussion.id } } }
      });
    }
    json(response, 200, { errors: [{ message: 'Unknown query' }] });
  });
  return { ...receiver, messages };
}
